"""Contents pages and reference lists are recognised by their form (no index needed)."""

from __future__ import annotations

from assistant.retrieval.apparatus import is_back_matter


def test_a_list_of_references_is_back_matter() -> None:
    refs = (
        "SBTi(科学碳目标倡议)。2018年。《价值链中的价值变化:范围三温室气体管理最佳实践》。https://sciencebasedtargets.org/"
        "wp-content/uploads/2018/12/SBT_Value_Chain_Report-1.pdf。SBTi.2019a。《科学碳目标设定手册》。https://x.org"
    )
    assert is_back_matter(refs)
    assert is_back_matter("H&M Group, 2017. “Sustainability Report 2016.” https://hm.com, accessed on 9 May 2019.")


def test_a_contents_page_is_back_matter() -> None:
    toc = "81.5本指南的目标81.6本指南的受众与使用说明81.7本指南的制定过程81.8获准目标与承诺102.服装鞋类行业概况122.1部门经济学122.2趋势14"
    assert is_back_matter(toc)


def test_passages_that_state_something_are_not() -> None:
    # a clause with a link, a figure's numbered list, an article citing a report
    assert not is_back_matter(
        "■C16-范围三:如果公司的相关范围三排放量占范围一、二和三排放总量的40%或更多,则须设定范围三目标。"
    )
    assert not is_back_matter(
        "图8范围三类别上游范围三排放1.外购商品和服务2.资本货物3.燃料和能源相关活动4.上游运输与配送5.运营中产生的废物"
    )
    assert not is_back_matter(
        "Zhang shared the report “Roadmap to Net Zero” [https://www.wri.org/research/roadmap-net-zero] at the forum "
        "in 2021. She also flagged EU policies."
    )
