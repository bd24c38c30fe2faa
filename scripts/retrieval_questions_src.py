# fact: (doc prefix, quote, {lang: question})
D4 = "004_3e93d633cc5b91bd.txt"
D3 = "003_05076a27b7f6b8f4.txt"
D0 = "000_0879da0e186f5247.txt"
D2 = "002_08dc8465030f2692.txt"
D1 = "001_b6ed0f8b189bdceb.txt"
FACTS = [
    (
        D4,
        "范围三排放量占范围一、二和三排放总量的40%或更多",
        {
            "vi": "Khi nào doanh nghiệp bắt buộc phải đặt mục tiêu cho phát thải phạm vi 3?",
            "zh": "什么情况下公司必须设定范围三目标？",
            "en": "At what share of total emissions does a company have to set a scope 3 target?",
        },
    ),
    (
        D4,
        "这些目标至少涵盖范围三排放总量的三分之二",
        {
            "vi": "Mục tiêu phạm vi 3 phải bao phủ tối thiểu bao nhiêu phần tổng phát thải phạm vi 3?",
            "zh": "范围三目标需要覆盖多大比例的范围三排放？",
            "en": "How much of scope 3 emissions must the scope 3 targets cover?",
        },
    ),
    (
        D4,
        "科学碳目标的设定最短期限为5年,最长为15年",
        {
            "vi": "Khung thời gian tối thiểu và tối đa của một mục tiêu dựa trên khoa học là bao nhiêu năm?",
            "zh": "科学碳目标的期限最短几年、最长几年？",
            "en": "What is the minimum and maximum timeframe for a science-based target?",
        },
    ),
    (
        D4,
        "公司最高可从排放清单和目标边界中一共排除5%的范围一和范围二排放量",
        {
            "vi": "Được phép loại trừ bao nhiêu phần trăm phát thải phạm vi 1 và 2 khỏi ranh giới mục tiêu?",
            "zh": "范围一和范围二排放最多可以排除多少？",
            "en": "What share of scope 1 and 2 emissions may be excluded from the target boundary?",
        },
    ),
    (
        D4,
        "1.5°C(最低年度线性减排4.2%)",
        {
            "vi": "Theo phương pháp giảm tuyệt đối, mức giảm tuyến tính hằng năm tối thiểu cho kịch bản 1,5°C là bao nhiêu?",
            "zh": "绝对收缩法下1.5°C情景的最低年度线性减排率是多少？",
            "en": "Under absolute contraction, what minimum annual linear reduction does a 1.5°C target need?",
        },
    ),
    (
        D4,
        "将到2025年80%可再生能源电力采购和到2030年100%可再生能源采购定为阈值",
        {
            "vi": "Ngưỡng điện tái tạo mà SBTi chấp nhận thay cho mục tiêu phạm vi 2 là bao nhiêu vào năm 2025 và 2030?",
            "zh": "SBTi对可再生能源电力采购目标设定的阈值是什么？",
            "en": "What renewable electricity procurement thresholds does SBTi accept instead of a scope 2 target?",
        },
    ),
    (
        D4,
        "碳抵消不算作对公司科学碳目标进展的减排贡献",
        {
            "vi": "Bù trừ carbon có được tính vào tiến độ thực hiện mục tiêu dựa trên khoa học không?",
            "zh": "碳抵消能否计入科学碳目标的减排进展？",
            "en": "Can carbon offsets count toward progress on a science-based target?",
        },
    ),
    (
        D4,
        "公司参与目标的最长期限为五年",
        {
            "vi": "Mục tiêu gắn kết nhà cung cấp được phép kéo dài tối đa bao lâu?",
            "zh": "供应商参与目标的最长期限是多久？",
            "en": "What is the maximum timeframe for a supplier engagement target?",
        },
    ),
    (
        D4,
        "最近完成温室气体排放清单核算的年份不得早于目标提交年份前两年",
        {
            "vi": "Bản kiểm kê khí nhà kính gần nhất không được cũ hơn bao nhiêu năm so với năm nộp mục tiêu?",
            "zh": "最近一次温室气体排放清单的年份有什么要求？",
            "en": "How recent must the latest GHG inventory be compared with the year the target is submitted?",
        },
    ),
    (
        D4,
        "单位增值排放强度平均同比至少减少7%",
        {
            "vi": "Mục tiêu cường độ kinh tế theo giá trị gia tăng phải giảm bao nhiêu mỗi năm?",
            "zh": "经济强度目标每年单位增值排放强度至少要降低多少？",
            "en": "How fast must emissions per unit of value added fall each year under an economic intensity target?",
        },
    ),
    (
        D4,
        "至少须每五年审查一次目标",
        {
            "vi": "Bao lâu thì doanh nghiệp phải rà soát lại mục tiêu dựa trên khoa học của mình?",
            "zh": "科学碳目标多久必须审查一次？",
            "en": "How often must a company review and, if needed, recalculate its science-based target?",
        },
    ),
    (
        D4,
        "排放总量变成60个单位",
        {
            "vi": "Nếu loại bỏ phát thải gián tiếp giai đoạn sử dụng khỏi đường cơ sở thì ngưỡng 40% được tính như thế nào?",
            "zh": "从基线中删除间接使用阶段排放后，40%阈值如何计算？",
            "en": "How is the 40% scope 3 threshold applied after removing indirect use-phase emissions from the baseline?",
        },
    ),
    (
        D4,
        "建议公司将热力和蒸汽相关排放作为其直接(即范围一)排放的一部分",
        {
            "vi": "Phát thải từ nhiệt và hơi nước mua vào nên được tính vào phạm vi nào khi đặt mục tiêu?",
            "zh": "热力和蒸汽相关排放应计入哪个范围？",
            "en": "Which scope should heat and steam emissions be counted in when calculating a target?",
        },
    ),
    (
        D4,
        "范围一和范围二温室气体绝对排放量到2025年减少90%",
        {
            "vi": "Levi Strauss cam kết giảm phát thải phạm vi 1 và 2 bao nhiêu phần trăm đến năm 2025?",
            "zh": "李维斯承诺到2025年将范围一和范围二排放减少多少？",
            "en": "What scope 1 and 2 reduction did Levi Strauss commit to by 2025?",
        },
    ),
    (
        D4,
        "每双鞋产生的温室气体排放量到2030年减少30%,则表示强度每年线性降低30/13=2.31%",
        {
            "vi": "Ví dụ mục tiêu giảm 30% phát thải trên mỗi đôi giày từ 2017 đến 2030 tương ứng mức giảm hằng năm bao nhiêu?",
            "zh": "每双鞋排放到2030年减少30%相当于每年线性降低多少？",
            "en": "In the guidance's footwear example, what annual rate is a 30% per-pair cut from 2017 to 2030?",
        },
    ),
    (
        D3,
        "碳目标设定(14%)|Carbon Targets Setting (14%)",
        {
            "vi": "Trong chỉ số CATI, nhóm thiết lập mục tiêu carbon chiếm trọng số bao nhiêu?",
            "zh": "CATI指数中碳目标设定的权重是多少？",
            "en": "What weight does Carbon Targets Setting carry in the CATI index?",
        },
    ),
    (
        D3,
        "纺织	范围 1+2 vs. 范围 3 上游 = 20%:80%|Textile	Scope 1&2 vs. Upstream Scope 3 = 20%:80%",
        {
            "vi": "Hệ số trọng số mặc định của ngành dệt may trong CATI giữa phạm vi 1+2 và phạm vi 3 thượng nguồn là bao nhiêu?",
            "zh": "纺织行业在CATI中的范围1+2与范围3上游权重是多少？",
            "en": "What default weighting factor does CATI use for the textile industry between scope 1&2 and upstream scope 3?",
        },
    ),
    (
        D3,
        "2.1.1 测算并披露范围 1&2 排放量	5|2.1.1 Company has publicly disclosed Scope 1&2 emission data	5",
        {
            "vi": "Chỉ tiêu công bố phát thải phạm vi 1 và 2 trong CATI được bao nhiêu điểm?",
            "zh": "CATI中测算并披露范围1&2排放量这一指标几分？",
            "en": "How many CATI points does publicly disclosing scope 1&2 emission data earn?",
        },
    ),
    (
        D3,
        "使用蔚蓝生态链或等效自动化系统追踪供应商的温室气体排放情况|1.2.3 Company employs Blue EcoChain or other automated methods to track supplier climate performance",
        {
            "vi": "CATI có chỉ tiêu nào về việc dùng Blue EcoChain để theo dõi phát thải của nhà cung cấp không?",
            "zh": "CATI哪个指标涉及用蔚蓝生态链追踪供应商排放？",
            "en": "Which CATI indicator covers using Blue EcoChain to track supplier emissions?",
        },
    ),
    (
        D0,
        "mười giờ hỗ trợ",
        {
            "vi": "Cascale hỗ trợ tư vấn cho nhà sản xuất bao nhiêu giờ mỗi năm?",
            "zh": "Cascale每年为制造商提供多少小时的咨询支持？",
            "en": "How many hours of advisory support per year does Cascale give manufacturers in MCAP?",
        },
    ),
    (
        D0,
        "mcap@cascale.org",
        {
            "vi": "Tôi có thể liên hệ MCAP qua địa chỉ email nào?",
            "zh": "MCAP的联系邮箱是什么？",
            "en": "What email address can I use to contact the MCAP team?",
        },
    ),
    (
        D0,
        "ĐÁNH GIÁ NGUY CƠ KHÍ HẬU",
        {
            "vi": "Đánh giá rủi ro khí hậu trong MCAP nhằm mục đích gì?",
            "zh": "MCAP中的气候风险评估要求制造商做什么？",
            "en": "What does the climate risk assessment element of MCAP ask manufacturers to do?",
        },
    ),
    (
        D0,
        "Cascale hợp tác với Nike và Target",
        {
            "vi": "MCAP được xây dựng cùng với những thương hiệu nào vào năm 2023?",
            "zh": "2023年初Cascale与哪些品牌合作开发了MCAP？",
            "en": "Which brands did Cascale work with in early 2023 to develop MCAP?",
        },
    ),
    (
        D0,
        "Cascale đã ký hợp đồng với các tổ chức bên thứ ba được chứng nhận",
        {
            "vi": "Ai xác nhận các mục tiêu của nhà sản xuất trong MCAP?",
            "zh": "MCAP的目标由谁来验证？",
            "en": "Who validates manufacturers' targets under MCAP?",
        },
    ),
    (
        D2,
        "được khởi xướng bởi Trung tâm phát triển sáng tạo xanh Green ID và Tổ chức WWF Việt Nam",
        {
            "vi": "Liên minh VCCA do những tổ chức nào khởi xướng?",
            "zh": "越南气候行动联盟（VCCA）是由哪些机构发起的？",
            "en": "Which organisations founded the Vietnam Climate Action Alliance?",
        },
    ),
    (
        D2,
        "Liên minh đang thực hiện 05 chương trình hành động",
        {
            "vi": "VCCA đang triển khai bao nhiêu chương trình hành động?",
            "zh": "越南气候行动联盟正在实施几个行动计划？",
            "en": "How many action programmes is the VCCA running?",
        },
    ),
    (
        D1,
        "200 多位与会者和 25 位行业演讲者",
        {
            "vi": "Diễn đàn nhà sản xuất của Cascale tại Thượng Hải có bao nhiêu người tham dự?",
            "zh": "Cascale上海制造商论坛有多少与会者？",
            "en": "How many attendees came to Cascale's Shanghai manufacturer forum?",
        },
    ),
]
