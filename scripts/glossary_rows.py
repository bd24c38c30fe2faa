# id | category | en | vi | zh | aliases_en | aliases_vi | aliases_zh | note
ROWS = r"""
scope-1|scope|scope 1|phạm vi 1|范围一|scope one;S1;direct emissions|phạm vi một;phát thải trực tiếp|范围1;直接排放|
scope-2|scope|scope 2|phạm vi 2|范围二|scope two;S2;purchased electricity emissions|phạm vi hai|范围2|
scope-3|scope|scope 3|phạm vi 3|范围三|scope three;S3;value chain emissions|phạm vi ba;phát thải chuỗi giá trị|范围3;价值链排放|
scope-1-2|scope|scope 1 and 2|phạm vi 1 và 2|范围一和范围二|scope 1&2;scope 1+2;scopes 1 and 2|phạm vi 1+2|范围1&2;范围 1&2;范围一+二;范围1+2|
scope-1-2-3|scope|scopes 1, 2 and 3|phạm vi 1, 2 và 3|范围一、二和三|scope 1+2+3|phạm vi 1+2+3|范围一+二+三|
upstream-scope-3|scope|upstream scope 3|phạm vi 3 thượng nguồn|范围三上游|upstream emissions|phát thải thượng nguồn|范围 3 上游;上游排放|
downstream-scope-3|scope|downstream scope 3|phạm vi 3 hạ nguồn|范围三下游|downstream emissions|phát thải hạ nguồn|下游|
scope-3-screening|scope|scope 3 screening|sàng lọc phạm vi 3|范围三筛查|scope 3 screen|rà soát phạm vi 3|范围三排查|
purchased-goods|scope|purchased goods and services|hàng hóa và dịch vụ mua vào|外购商品和服务|category 1;purchased goods|hàng hóa, dịch vụ mua vào;danh mục 1|第1类;所购商品和服务|
use-of-sold-products|scope|use of sold products|sử dụng sản phẩm đã bán|售出产品的使用|category 11;use phase|giai đoạn sử dụng;danh mục 11|第11类;使用阶段|
indirect-use-phase|scope|indirect use-phase emissions|phát thải gián tiếp giai đoạn sử dụng|间接使用阶段排放|indirect use phase|giai đoạn sử dụng gián tiếp|间接使用阶段|
end-of-life|scope|end-of-life treatment of sold products|xử lý cuối vòng đời sản phẩm|寿命终止|end of life|cuối vòng đời|寿命终止的售出产品|
upstream-transport|scope|upstream transportation and distribution|vận chuyển và phân phối thượng nguồn|上游运输与配送|upstream transportation|vận chuyển thượng nguồn|上游运输|
business-travel|scope|business travel|đi công tác|商务旅行|business air travel|công tác|商务差旅;商务航空旅行|
fuel-energy-activities|scope|fuel- and energy-related activities|hoạt động liên quan đến nhiên liệu và năng lượng|燃料和能源相关活动|fuel and energy related activities||燃料和能源相关|
absolute-contraction|target-method|absolute contraction|phương pháp giảm tuyệt đối|绝对收缩法|absolute contraction approach;contraction of absolute emissions|giảm phát thải tuyệt đối;thu hẹp tuyệt đối|绝对收缩|
absolute-target|target-method|absolute target|mục tiêu tuyệt đối|绝对目标|absolute emission reduction target;absolute reduction|mục tiêu giảm tuyệt đối|绝对减排目标;绝对碳目标;绝对排放量|
intensity-target|target-method|intensity target|mục tiêu cường độ|强度目标|emissions intensity target|mục tiêu cường độ phát thải|强度减排目标|
physical-intensity|target-method|physical intensity|cường độ vật lý|物理强度|physical intensity target;emissions per product;per pair|cường độ phát thải trên sản phẩm|物理强度目标;单位产品|
economic-intensity|target-method|economic intensity|cường độ kinh tế|经济强度|economic intensity target;emissions per revenue|cường độ phát thải trên doanh thu|经济强度目标|
geva|target-method|GEVA|GEVA|单位增值温室气体排放量|greenhouse gas emissions per unit of value added;GHG emissions per value added|phát thải khí nhà kính trên một đơn vị giá trị gia tăng|GEVA法|
value-added|target-method|value added|giá trị gia tăng|增值|value-added|giá trị tăng thêm|增加值;单位增值|
sda|target-method|Sectoral Decarbonization Approach|phương pháp khử carbon theo ngành|行业减排法|SDA;sector decarbonization approach|SDA|SDA;行业减排路径|
supplier-engagement|target-method|supplier engagement target|mục tiêu gắn kết nhà cung cấp|供应商参与目标|supplier engagement;supplier or customer engagement target|gắn kết nhà cung cấp;thu hút nhà cung cấp|供应商参与;客户参与目标|
renewable-electricity|energy|renewable electricity|điện tái tạo|可再生能源电力|renewable power;green electricity|điện năng lượng tái tạo;điện xanh|可再生电力;绿电|
renewable-energy|energy|renewable energy|năng lượng tái tạo|可再生能源|renewables|năng lượng sạch|可再生能源目标|
renewable-energy-target|energy|renewable energy target|mục tiêu năng lượng tái tạo|可再生能源目标|renewable electricity target;RE target|mục tiêu điện tái tạo|可再生能源电力目标|
re100|energy|RE100|RE100|RE100|||RE100倡议|
net-zero|target-method|net zero|phát thải ròng bằng 0|净零排放|net-zero emissions;net zero target|net zero;trung hòa carbon ròng|净零|
carbon-neutrality|target-method|carbon neutrality|trung hòa carbon|碳中和|carbon neutral;carbon neutrality target|trung hòa các-bon|碳中和目标|
long-term-target|target-method|long-term target|mục tiêu dài hạn|长期目标|long term target;2050 target|mục tiêu dài hạn đến 2050|远期目标|
near-term-target|target-method|near-term target|mục tiêu ngắn hạn|中期目标|mid-term target;interim target|mục tiêu trung hạn|近期目标|
science-based-target|target-method|science-based target|mục tiêu dựa trên khoa học|科学碳目标|SBT;science based target;science-based targets|mục tiêu mang tính khoa học;mục tiêu phù hợp với khoa học;SATs|科学目标|
science-aligned-target|target-method|science-aligned target|mục tiêu phù hợp với khoa học|与科学一致的目标|SATs;science aligned targets|mục tiêu mang tính khoa học|科学一致目标|
ambition-15|criteria|1.5°C|1,5°C|1.5°C|1.5 degrees;1.5C|1,5 độ C;1.5°C|1.5摄氏度|
ambition-wb2|criteria|well-below 2°C|thấp hơn nhiều so với 2°C|远低于2°C|well below 2°C;WB2C;well-below 2 degrees|thấp hơn nhiều mức 2°C|远低于2摄氏度|
ambition-2|criteria|2°C|2°C|2°C|2 degrees;2C|2 độ C|2摄氏度|
ambition-level|criteria|level of ambition|mức độ tham vọng|力度水平|ambition|tham vọng|力度;雄心|
base-year|criteria|base year|năm cơ sở|基准年|baseline year|năm gốc|基年|
target-year|criteria|target year|năm mục tiêu|目标年|target date|năm đích|目标年份|
timeframe|criteria|timeframe|khung thời gian|时间期限|time frame;target timeframe|thời hạn mục tiêu|最短期限|
recalculation|criteria|target recalculation|tính toán lại mục tiêu|重新计算目标|recalculation;recalculate|tính lại mục tiêu|重新计算|
boundary|criteria|target boundary|ranh giới mục tiêu|目标边界|boundary;inventory boundary|phạm vi ranh giới|边界|
coverage|criteria|coverage|mức độ bao phủ|覆盖|coverage of emissions|bao phủ|涵盖|
two-thirds|criteria|two-thirds of scope 3 emissions|hai phần ba phát thải phạm vi 3|三分之二|two thirds;67%|hai phần ba|2/3|
significance-threshold|criteria|significance threshold|ngưỡng đáng kể|显著性阈值|exclusion threshold;5% exclusion|ngưỡng loại trừ|排除|
forty-percent-trigger|criteria|40% scope 3 threshold|ngưỡng 40% phạm vi 3|40%阈值|40% threshold;40% trigger|ngưỡng 40%|40%或更多|
criteria|criteria|criteria|tiêu chí|标准|criterion;SBTi criteria|các tiêu chí|SBTi标准|
recommendations|criteria|recommendations|khuyến nghị|建议|recommendation|các khuyến nghị|建议与补充指南|
criteria-v4|criteria|SBTi criteria version 4.0|tiêu chí SBTi phiên bản 4.0|4.0版|criteria v4.0;version 4.0|phiên bản 4.0|SBTi标准与建议-4.0版|
validation|criteria|target validation|xác nhận mục tiêu|目标审核|validation;validate|xác thực mục tiêu;phê duyệt mục tiêu|审核;批准|
submission|criteria|target submission|nộp mục tiêu|提交|submission date;submit|biểu mẫu nộp mục tiêu|提交给SBTi;提交之日|
commitment-letter|criteria|commitment letter|thư cam kết|承诺书|letter of commitment|cam kết|承诺|
commitment|criteria|commitment|cam kết|承诺|pledge|lời cam kết|做出承诺|
approved-target|criteria|approved target|mục tiêu đã được phê duyệt|获准目标|validated target|mục tiêu được phê duyệt|获准科学碳目标|
carbon-offsets|ghg-accounting|carbon offsets|bù trừ carbon|碳抵消|offsets;offsetting|bù đắp carbon;tín chỉ bù trừ|抵消;碳抵消机制|
avoided-emissions|ghg-accounting|avoided emissions|phát thải tránh được|避免排放|avoided emission||避免的排放|
carbon-credits|ghg-accounting|carbon credits|tín chỉ carbon|碳信用||tín chỉ các-bon|碳配额|
emission-trading|ghg-accounting|carbon emission trading|giao dịch phát thải carbon|碳排放交易|emissions trading;carbon allowances|mua bán phát thải|碳交易;碳配额|
ghg|ghg-accounting|greenhouse gas|khí nhà kính|温室气体|GHG;greenhouse gases|KNK|温室气体排放|
ghg-emissions|ghg-accounting|GHG emissions|phát thải khí nhà kính|温室气体排放量|greenhouse gas emissions|phát thải KNK;lượng phát thải|排放量|
ghg-inventory|ghg-accounting|GHG inventory|bản kê khí nhà kính|温室气体排放清单|emissions inventory;inventory|bảng kê khí nhà kính;kiểm kê khí nhà kính;bảng kê|排放清单|
ghg-protocol|ghg-accounting|GHG Protocol|Nghị định thư khí nhà kính|温室气体核算体系|Greenhouse Gas Protocol;GHG Protocol Corporate Standard|GHG Protocol|《温室气体核算体系》|
ghg-accounting|ghg-accounting|GHG accounting|tính toán phát thải khí nhà kính|温室气体核算|carbon accounting;emissions measurement|hạch toán khí nhà kính;đo lường phát thải|核算;碳核算|
emission-factor|ghg-accounting|emission factor|hệ số phát thải|排放因子|emissions factor|hệ số phát thải lưới điện|排放系数|
market-based|ghg-accounting|market-based method|phương pháp dựa trên thị trường|基于市场的方法|market-based|dựa trên thị trường|基于市场|
location-based|ghg-accounting|location-based method|phương pháp dựa trên địa điểm|基于位置的方法|location-based|dựa trên vị trí|基于位置|
co2e|ghg-accounting|tCO2e|tấn CO2e|吨二氧化碳当量|tonnes CO2e;CO2 equivalent;metric tons CO2e|tấn CO2 tương đương|二氧化碳当量;CO2e|
carbon-intensity|ghg-accounting|carbon intensity|cường độ carbon|碳强度|emission intensity|cường độ phát thải|排放强度|
biomass|ghg-accounting|bioenergy accounting|hạch toán năng lượng sinh khối|生物质能核算|biomass;biofuels|sinh khối|生物质;生物燃料|
land-use-change|ghg-accounting|land-use change emissions|phát thải do thay đổi sử dụng đất|土地利用变化排放|land use change|thay đổi sử dụng đất|土地利用变化|
decarbonisation|general|decarbonisation|khử carbon|脱碳|decarbonization;decarbonise|khử cacbon;giảm carbon|去碳化;减碳|
emission-reduction|general|emission reduction|giảm phát thải|减排|emissions reduction;reduce emissions|cắt giảm phát thải;giảm thiểu phát thải|减少排放;减排量|
reduction-target|general|emission reduction target|mục tiêu giảm phát thải|减排目标|reduction target;carbon target|mục tiêu cắt giảm phát thải|碳目标|
annual-linear-reduction|target-method|annual linear reduction|mức giảm tuyến tính hằng năm|年度线性减排|linear annual reduction;linear reduction rate|giảm tuyến tính mỗi năm|线性减排;最低年度线性减排|
pathway|target-method|emissions pathway|lộ trình phát thải|减排路径|pathway;trajectory|lộ trình giảm phát thải|路径;减排轨迹|
climate-scenario|target-method|climate scenario|kịch bản khí hậu|气候情景|||减排情景|
carbon-budget|target-method|carbon budget|ngân sách carbon|排放预算|emissions budget;global emissions budget|ngân sách phát thải|全球排放预算|
growth-projection|target-method|growth projection|dự báo tăng trưởng|增长预测|growth forecast;activity growth|dự báo tăng trưởng sản lượng|增长|
production-volume|target-method|production volume|sản lượng|产量|production output|sản lượng sản xuất|生产量|
revenue|target-method|revenue|doanh thu|收入|sales revenue|doanh số|销售收入;产值|
gdp|general|GDP|GDP|GDP|gross domestic product|tổng sản phẩm quốc nội|国内生产总值|
energy-efficiency|energy|energy efficiency|hiệu quả năng lượng|能效|efficiency|sử dụng năng lượng hiệu quả|能源效率;能效提升|
energy-management|energy|energy management system|hệ thống quản lý năng lượng|能源管理体系|energy management;ISO 50001|quản lý năng lượng|能源管理|
energy-consumption|energy|energy consumption|tiêu thụ năng lượng|能耗|energy use|mức tiêu thụ năng lượng|能源消耗|
electricity|energy|electricity|điện năng|电力||điện|用电|
coal|energy|coal|than|煤|coal-fired|than đá|用煤;燃煤|
fossil-fuels|energy|fossil fuels|nhiên liệu hóa thạch|化石燃料|fossil fuel|năng lượng hóa thạch|化石能源|
natural-gas|energy|natural gas|khí tự nhiên|天然气||khí đốt|燃气|
heat-steam|energy|heat and steam|nhiệt và hơi nước|热力和蒸汽|steam;heat|hơi nước|蒸汽|
solar|energy|solar power|điện mặt trời|光伏|solar;photovoltaic|năng lượng mặt trời|太阳能|
wind|energy|wind power|điện gió|风电|wind|năng lượng gió|风能|
green-power-procurement|energy|green power procurement|mua điện xanh|绿电采购|green electricity purchase;PPA|mua điện tái tạo|绿色电力采购|
renewable-certificates|energy|renewable energy certificates|chứng chỉ năng lượng tái tạo|可再生能源电力证书|RECs;I-REC;green certificates|chứng chỉ điện tái tạo|绿证|
non-fossil-energy|energy|non-fossil energy|năng lượng phi hóa thạch|非化石能源|non-fossil energy utilization|năng lượng không hóa thạch|非化石能源利用|
value-chain|value-chain|value chain|chuỗi giá trị|价值链|value chain emissions|chuỗi cung ứng giá trị|行业价值链|
supply-chain|value-chain|supply chain|chuỗi cung ứng|供应链|supply-chain|chuỗi cung cấp|供应链上游|
supplier|value-chain|supplier|nhà cung cấp|供应商|suppliers;vendor|nhà cung ứng|供货商|
direct-supplier|value-chain|direct suppliers|nhà cung cấp trực tiếp|直接供应商|direct supplier||一级供应商|
indirect-supplier|value-chain|indirect suppliers|nhà cung cấp gián tiếp|间接供应商|indirect supplier|||
manufacturer|value-chain|manufacturer|nhà sản xuất|制造商|manufacturers;factory;facility|các nhà sản xuất;nhà máy|工厂;成品制造商|
brand|value-chain|brand|thương hiệu|品牌商|brands;brand owner|các thương hiệu|品牌|
retailer|value-chain|retailer|nhà bán lẻ|零售商|retailers;retail|bán lẻ|零售|
tier-0|value-chain|Tier 0|Cấp 0|零级|tier 0 retail and office|cấp 0|零级供应商|
tier-1|value-chain|Tier 1 finished product assembly|Cấp 1 lắp ráp thành phẩm|一级|Tier 1;finished goods assembly|cấp 1;lắp ráp thành phẩm|成品组装;一级供应商|
tier-2|value-chain|Tier 2 material production|Cấp 2 sản xuất vật liệu|二级|Tier 2;material production|cấp 2;sản xuất vật liệu|材料生产;二级供应商|
tier-3|value-chain|Tier 3 raw material processing|Cấp 3 chế biến nguyên liệu thô|三级|Tier 3;raw material processing;materials processing|cấp 3;chế biến nguyên liệu|原材料加工;材料加工;三级供应商|
tier-4|value-chain|Tier 4 raw material extraction|Cấp 4 khai thác nguyên liệu thô|四级|Tier 4;raw material extraction|cấp 4;khai thác nguyên liệu|原材料提取;四级供应商|
raw-materials|value-chain|raw materials|nguyên liệu thô|原材料|raw material|nguyên vật liệu|原料|
fabric|value-chain|fabric|vải|织物|fabrics;textiles|vải vóc|布料;面料|
yarn|value-chain|yarn|sợi|纱线|yarn spinning|sợi dệt|纺纱|
textile|value-chain|textile|dệt may|纺织|textiles;textile industry|ngành dệt may;dệt|纺织品;纺织业|
apparel|value-chain|apparel|may mặc|服装|clothing;garments;apparel sector|quần áo|服装行业|
footwear|value-chain|footwear|giày dép|鞋类|shoes|giày|鞋;鞋业|
apparel-footwear-sector|value-chain|apparel and footwear sector|ngành may mặc và giày dép|服装鞋类行业|apparel and footwear industry|ngành dệt may, giày dép|服装鞋业|
dyeing-finishing|value-chain|dyeing and finishing|nhuộm và hoàn tất|染色、整理|bleaching, dyeing and finishing;wet processing|nhuộm hoàn tất;xử lý ướt|漂白、染色、整理;印染|
cotton|value-chain|cotton|bông|棉花|cotton fibre|sợi bông|棉|
polyester|value-chain|polyester|polyester|聚酯|recycled polyester|sợi polyester|涤纶;回收聚酯|
leather|value-chain|leather|da thuộc|皮革|leather & PU|da|皮具|
logistics|value-chain|logistics|hậu cần|物流|transport;logistic optimization|vận chuyển|物流优化|
consumer-care|value-chain|consumer care|chăm sóc sản phẩm của người tiêu dùng|消费者护理|washing and drying;laundry|giặt là|洗涤;消费者使用|
hotspot|value-chain|emissions hotspot|điểm nóng phát thải|排放热点|hotspots;carbon hotspots|điểm nóng|热点;热点排放源|
lifecycle-assessment|value-chain|life cycle assessment|đánh giá vòng đời|生命周期分析|LCA;life-cycle analysis|phân tích vòng đời|生命周期评估|
product-carbon-footprint|value-chain|product carbon footprint|dấu chân carbon sản phẩm|碳足迹|carbon footprint|dấu vết carbon|产品碳足迹|
vertical-integration|value-chain|vertical integration|tích hợp theo chiều dọc|垂直整合|vertically integrated|liên kết dọc|垂直整合度|
sbti|organisation|Science Based Targets initiative|Sáng kiến Mục tiêu dựa trên Khoa học|科学碳目标倡议|SBTi;SBT initiative|SBTi|SBTi|
wri|organisation|World Resources Institute|Viện Tài nguyên Thế giới|世界资源研究所|WRI|WRI|WRI|
wwf|organisation|WWF|Tổ chức WWF|世界自然基金会|World Wide Fund for Nature;WWF China;WWF-Vietnam|WWF Việt Nam;WWF-Việt Nam|WWF;WWF中国|
cdp|organisation|CDP|CDP|CDP全球环境信息研究中心|Carbon Disclosure Project|CDP|CDP|
ungc|organisation|UN Global Compact|Hiệp ước Toàn cầu của Liên Hợp Quốc|联合国全球契约组织|UNGC;United Nations Global Compact|UNGC|UNGC|
cascale|organisation|Cascale|Cascale|Cascale|Sustainable Apparel Coalition;SAC|Liên minh May mặc Bền vững|永续成衣联盟;可持续服装联盟|Cascale was formerly the Sustainable Apparel Coalition
ipe|organisation|Institute of Public & Environmental Affairs|Viện Các vấn đề Công cộng và Môi trường|公众环境研究中心|IPE|IPE|IPE|
aii|organisation|Apparel Impact Institute|Viện Tác động Ngành May mặc|服装产业影响研究所|Aii|Aii|Aii|
greenid|organisation|GreenID|Trung tâm phát triển sáng tạo xanh|绿色创新发展中心|Green Innovation and Development Centre;Green ID|Green ID;GreenID|GreenID|
vcca|organisation|Vietnam Climate Action Alliance|Liên minh hành động vì khí hậu Việt Nam|越南气候行动联盟|VCCA|liên minh VCCA;VCCA|VCCA|
unfccc|organisation|UNFCCC|Công ước khung của Liên Hợp Quốc về biến đổi khí hậu|《联合国气候变化框架公约》|United Nations Framework Convention on Climate Change|UNFCCC|联合国气候变化框架公约|
ipcc|organisation|IPCC|Ủy ban liên chính phủ về biến đổi khí hậu|联合国政府间气候变化专门委员会|Intergovernmental Panel on Climate Change|IPCC|IPCC|
ifc-pact|organisation|IFC Clean by Design / PaCT|Chương trình PaCT của IFC|清洁纺织品伙伴计划|PaCT;Partnership for Cleaner Textile|PaCT|PaCT|
re100-initiative|organisation|RE100 initiative|sáng kiến RE100|RE100倡议|RE100 recommendation|RE100|RE100建议|
higg-index|program|Higg Index|Chỉ số Higg|希格指数|Higg;Higg tools|Higg|Higg指数|
higg-fem|program|Higg Facility Environmental Module|Mô-đun Môi trường Cơ sở Higg|Higg工厂环境模块|Higg FEM;FEM|Higg FEM;FEM|工厂环境模块;FEM|
higg-msi|program|Higg Materials Sustainability Index|Chỉ số Bền vững Vật liệu Higg|材料可持续性指数|MSI;Higg MSI|MSI|MSI|
mcap|program|Manufacturer Climate Action Program|Chương trình Hành động vì Khí hậu dành cho Nhà sản xuất|制造商气候行动计划|MCAP;Manufacturer Climate Action Programme|MCAP;Chương trình Hành động cho Nhà Sản xuất về Khí hậu|MCAP;制造商气候影响计划|001 calls it 制造商气候影响计划
mcap-climate-risk|program|climate risk assessment|đánh giá nguy cơ khí hậu|气候风险评估|climate risk;climate-related risk|đánh giá rủi ro khí hậu;rủi ro khí hậu|气候相关的风险;气候风险|
mcap-decarbonisation-plan|program|decarbonisation plan|kế hoạch khử carbon|脱碳计划|decarbonization plan;emission reduction roadmap;decarbonisation roadmap|kế hoạch giảm phát thải carbon;lộ trình giảm phát thải|减排路线图;脱碳路线图|
mcap-annual-disclosure|program|annual progress disclosure|công bố tiến độ hàng năm|年度进展披露|annual progress report;annual reporting;public progress report|báo cáo tiến độ hàng năm;theo dõi tiến độ hàng năm|每年公开报告;年度报告|
mcap-third-party-validator|program|third-party validator|đơn vị xác nhận bên thứ ba|第三方验证机构|validator;third-party verifier|người xác nhận;bên thứ ba được chứng nhận;đánh giá từ bên thứ ba|第三方|
advisory-support|program|advisory support|hỗ trợ tư vấn|咨询支持|advisory hours;ten hours of advisory support|mười giờ hỗ trợ tư vấn;hỗ trợ kỹ thuật|咨询服务|
training|program|training|đào tạo|培训|trainings;webinars|hội thảo trực tuyến;đào tạo cấp cao|研讨会|
net-zero-roadmap|program|net-zero roadmap|lộ trình phát thải ròng bằng 0|净零路线图|roadmap to net zero|lộ trình net zero|路线图|
manufacturer-forum|program|manufacturer forum|diễn đàn nhà sản xuất|制造商论坛|Shanghai Manufacturer Forum|diễn đàn|上海制造商论坛|
cati|cati|CATI index|chỉ số CATI|CATI指数|Corporate Climate Action Transparency Index;CATI|CATI|企业气候行动 CATI 指数;企业气候行动指数|
cati-governance|cati|Governance|Cơ chế quản trị|治理机制|governance mechanism|quản trị|治理|
cati-pledged-policies|cati|Pledged Policies|Tuyên bố chính sách|政策宣示|pledged policy|cam kết chính sách|政策|
cati-mechanism|cati|Mechanism Construction|Xây dựng cơ chế|机制建设|mechanism building|xây dựng cơ chế quản lý|机制|
cati-measurement|cati|Measurement & Disclosure|Đo lường và công bố|测算披露|measurement and disclosure|tính toán và công bố|测算并披露|
cati-target-setting|cati|Carbon Targets Setting|Thiết lập mục tiêu carbon|碳目标设定|carbon target setting|thiết lập mục tiêu carbon CATI|碳目标设定(14%)|
cati-performance|cati|Performance against Carbon Targets|Hiệu quả thực hiện mục tiêu carbon|碳目标绩效|target performance|tiến độ thực hiện mục tiêu|目标绩效|
cati-climate-action|cati|Climate Action|Hành động giảm phát thải|减排行动|emission reduction actions;decarbonization|hành động khí hậu|减排|
cati-company-operation|cati|Decarbonization in Company Operation|Giảm phát thải trong hoạt động doanh nghiệp|企业自身运营减排|company operation|hoạt động của doanh nghiệp|自身运营|
cati-value-chain|cati|Decarbonization in Value Chain|Giảm phát thải trong chuỗi giá trị|企业价值链减排|value chain decarbonization|giảm phát thải chuỗi giá trị|价值链减排|
cati-affiliated|cati|Affiliated Company Engagement|Doanh nghiệp liên kết tự quản lý carbon|关联企业自主开展碳管理|affiliates;affiliated companies|doanh nghiệp liên kết|关联企业|
cati-upstream-supplier|cati|Upstream Supplier Engagement|Nhà cung cấp thượng nguồn tự quản lý carbon|供应商企业自主开展碳管理|upstream supplier|nhà cung cấp thượng nguồn|供应商企业自|
cati-weighting-factor|cati|weighting factor|hệ số trọng số|权重|default weighting factors;industry weighting|trọng số ngành;trọng số|行业权重;权重参考值;折算|
cati-blue-ecochain|cati|Blue EcoChain|Blue EcoChain|蔚蓝生态链|Blue Eco Chain|chuỗi sinh thái xanh lam|蔚蓝生态链或等效自动化系统|
cati-indicator|cati|evaluation indicator|chỉ số đánh giá|三级指标|CATI indicator|chỉ tiêu đánh giá|二级指标|
cati-dimension|cati|dimension|khía cạnh đánh giá|一级指标|activity area;CATI dimension|khía cạnh;nhóm chỉ tiêu|维度;一级维度|
cati-score|cati|CATI score|điểm CATI|分值|CATI points|số điểm|评分;得分|
climate-action|general|climate action|hành động vì khí hậu|气候行动|climate actions|hành động khí hậu|应对气候变化行动|
climate-change|general|climate change|biến đổi khí hậu|气候变化|climate crisis|khủng hoảng khí hậu|气候危机|
paris-agreement|general|Paris Agreement|Thỏa thuận Paris|《巴黎协定》|Paris climate agreement|thỏa thuận Paris|巴黎协定|
low-carbon|general|low-carbon economy|nền kinh tế carbon thấp|低碳|low carbon|carbon thấp|低碳经济;低碳环保|
transparency|general|transparency|tính minh bạch|透明度|transparent|minh bạch|公开透明|
disclosure|general|public disclosure|công bố công khai|公开披露|disclose;publicly disclosed|công khai;chia sẻ công khai|披露|
progress-tracking|general|progress tracking|theo dõi tiến độ|追踪进展|track progress|theo dõi tiến độ hàng năm|跟踪目标进展|
green-growth|general|green growth|tăng trưởng xanh|绿色增长|green development|phát triển xanh|绿色发展|
sustainability-report|general|sustainability report|báo cáo phát triển bền vững|可持续发展报告|CSR report|báo cáo bền vững|可持续发展|
case-study|general|case study|nghiên cứu điển hình|案例研究|case studies|trường hợp điển hình|案例|
collaboration|general|collaboration|hợp tác|合作|cooperation;partnership|hợp tác cùng có lợi|合作机会|
capacity-building|general|capacity building|nâng cao năng lực|赋能|empowerment|tăng cường năng lực|能力建设|
financial-incentives|general|financial incentives|khuyến khích tài chính|财务激励|incentives|ưu đãi tài chính|激励|
board-oversight|general|board-level oversight|giám sát của hội đồng quản trị|董事会|board oversight|hội đồng quản trị|董事会监督|
code-of-conduct|general|supplier code of conduct|bộ quy tắc ứng xử của nhà cung cấp|供应商行为准则|code of conduct|quy tắc ứng xử|行为准则|
ccus|general|carbon capture, utilization and storage|thu giữ, sử dụng và lưu trữ carbon|碳捕捉、利用与封存|CCUS|CCUS|CCUS|
nbs|general|nature-based solutions|giải pháp dựa vào thiên nhiên|基于自然的解决方案|NbS|NbS|NbS|
fast-fashion|general|fast fashion|thời trang nhanh|快时尚|||快时尚推动|
consumer|general|consumers|người tiêu dùng|消费者|consumer;end users|cộng đồng người tiêu dùng|最终用户|
green-city|general|green city|thành phố xanh|绿色城市|green cities|chương trình thành phố xanh|城市|
energy-transition|general|energy transition|chuyển dịch năng lượng|能源转型|clean energy transition|chuyển đổi năng lượng|低碳转型|
"""
