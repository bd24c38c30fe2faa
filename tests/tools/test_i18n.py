def test_significant_figures_keep_the_zeros_that_show_precision() -> None:
    from tools.i18n import fmt_significant

    assert fmt_significant(0.30008, "en") == "0.300"
    assert fmt_significant(0.3358, "vi") == "0,336"
    assert fmt_significant(83.48, "zh") == "83.5"
    assert fmt_significant(0.0, "en") == "0"
