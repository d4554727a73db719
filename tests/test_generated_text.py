"""Cleaning of generated headlines: what the model writes is turned into what a reader sees."""

from __future__ import annotations

from yxsumm.faithfulness import unattested_trigrams
from yxsumm.postprocess import (
    clean_generated,
    drop_aspect_le,
    drop_invented_tag,
    drop_list_marker,
    drop_opening_time_of_event,
    drop_paper_frame,
    drop_segue,
    drop_state_offices,
    drop_time_words,
    finish_line,
    headline_style,
    speaker_colon,
)

SOURCE = "旺角冲突案今日开审，多名被告出庭。法官指出……"


def test_an_invented_column_tag_is_removed() -> None:
    assert drop_invented_tag("【新思想引领新征程】阳西加强基层党建", SOURCE) == "阳西加强基层党建"


def test_a_tag_taken_from_the_article_is_kept() -> None:
    assert drop_invented_tag("【旺角冲突案】多名被告出庭", SOURCE) == "【旺角冲突案】多名被告出庭"


def test_a_headline_that_is_mostly_tag_is_kept_whole() -> None:
    assert drop_invented_tag("【七一游行】集会", SOURCE) == "【七一游行】集会"
    assert drop_invented_tag("没有栏目标签的标题", SOURCE) == "没有栏目标签的标题"


def test_a_list_number_the_section_does_not_start_with_is_removed() -> None:
    section = "2018年，阳西县全面贯彻党的十九大精神，坚定理想信念。"
    assert finish_line("三、坚定信心锻造新时代", section) == "坚定信心锻造新时代"
    assert finish_line("▐ 为保护每位面试者隐私", section) == "为保护每位面试者隐私"  # a block element as a bullet
    assert finish_line("■ 重点新闻", section) == "重点新闻"
    assert finish_line("－现金担保10万元、人事担保100万元", section) == "现金担保10万元、人事担保100万元"  # a dash
    assert finish_line("－3℃低温", section) == "－3℃低温"  # a full-width minus sign stays
    assert (
        finish_line("警队的形象只剩下9亿元的「补水」 【注1】", section) == "警队的形象只剩下9亿元的「补水」"
    )  # a footnote
    # the spaces a text puts inside its marks are typesetting; the one between two claims is a headline's
    assert finish_line("黄之锋： 2014年的雨伞运动", section) == "黄之锋：2014年的雨伞运动"
    assert finish_line("读朱耀明牧师的《 敲钟者言 》", section) == "读朱耀明牧师的《敲钟者言》"
    assert finish_line("全文65字 ，谈言论自由", section) == "全文65字，谈言论自由"
    assert finish_line("两市双双暴跌 沪指跌破2000点", section) == "两市双双暴跌 沪指跌破2000点"
    assert drop_list_marker("（三）坚持党建引领发展", section) == "坚持党建引领发展"
    assert drop_list_marker("4) 尊重语境，修辞立诚", section) == "尊重语境，修辞立诚"
    assert drop_list_marker("三：中国对美国利益构成挑战", section) == "中国对美国利益构成挑战"  # a label's colon
    assert drop_list_marker("1.5亿人受影响", section) == "1.5亿人受影响"  # a number, not a list number
    assert (
        drop_list_marker("二， 在低薪的工作世界里，你都只会被视为能力普通的人", section)
        == "在低薪的工作世界里，你都只会被视为能力普通的人"
    )
    assert drop_list_marker("二是坚持互利共赢", section) == "二是坚持互利共赢"
    assert drop_list_marker("三、坚持", section) == "三、坚持"  # too little would be left
    assert drop_list_marker("三、坚定信心锻造", "三、坚定信心，锻造新时代") == "三、坚定信心锻造"  # the text has it


CLAIMS = (
    "俄罗斯国防部称，俄军打击乌军目标。乌克兰方面称，乌军击落俄军无人机。以军称打死哈马斯指挥官，哈马斯称以军违反停火。"
)


def test_the_two_claims_of_a_line_are_spaced_as_headlines_write_them() -> None:
    assert finish_line("俄称打击乌军目标乌称击落俄军无人机", CLAIMS) == "俄称打击乌军目标 乌称击落俄军无人机"
    spaced = "以军称打死哈马斯指挥官 哈马斯称以军违反停火"
    assert finish_line("以军称打死哈马斯指挥官哈马斯称以军违反停火", CLAIMS) == spaced
    # the seam is no garbling: the trigrams across it are no longer judged unattested
    line = "俄称打击乌军目标乌称击落俄军无人机"
    printed = finish_line(line, CLAIMS)
    seam = set(unattested_trigrams(line, CLAIMS, None)) - set(unattested_trigrams(printed, CLAIMS, None))
    assert seam == {"目标乌", "标乌称"}


def test_a_line_with_one_claim_is_not_spaced() -> None:
    assert finish_line("俄称这足以称为奇迹的胜利", CLAIMS) == "俄称这足以称为奇迹的胜利"  # 称为 is no claim
    assert finish_line("专家称俄军打击乌军目标", CLAIMS) == "专家称俄军打击乌军目标"
    assert finish_line("俄称乌称击落", CLAIMS) == "俄称乌称击落"  # no claim between the two


def test_the_day_between_actor_and_verb_is_dropped_as_headlines_do() -> None:
    assert drop_time_words("中国科学院8日宣布发现新矿物") == "中国科学院宣布发现新矿物"
    assert drop_time_words("卫生署卫生防护中心周二晚公布，正调查4宗本地登革热个案") == (
        "卫生署卫生防护中心公布，正调查4宗本地登革热个案"
    )
    assert drop_time_words("强降雪日前席卷欧洲多国") == "强降雪席卷欧洲多国"
    assert drop_time_words("工业和信息化部等日前发布《行动方案》") == "工业和信息化部等发布《行动方案》"  # after 等
    assert drop_time_words("学生会成员上周三因不满校方要求罢课") == "学生会成员因不满校方要求罢课"  # 上 goes too
    assert drop_time_words("英伟达（NVIDIA）当地时间19日公布第三季度财报") == "英伟达（NVIDIA）公布第三季度财报"
    # a Latin name acts too
    assert drop_time_words("美国科技公司Meta当地时间周二发布开源模型") == "美国科技公司Meta发布开源模型"
    assert drop_time_words("OpenAI周一宣布推出新一代模型GPT-6") == "OpenAI宣布推出新一代模型GPT-6"
    assert drop_time_words("GPT-5日前发布") == "GPT-5日前发布"  # after a digit the day may be part of a number
    assert drop_time_words("天文台今日上午10時40分發出八號東北烈風或暴風信號") == "天文台發出八號東北烈風或暴風信號"
    assert drop_time_words("立法会大会今天就修改《议事规则》展开攻防战") == "立法会大会就修改《议事规则》展开攻防战"
    assert drop_time_words("前主席张震远今天才被捕") == "前主席张震远今天才被捕"  # 才 leans on the day
    assert drop_time_words("立法会今日以大比数通过拨款条例草案") == "立法会以大比数通过拨款条例草案"  # 以 "by"
    assert drop_time_words("委员会今日以后停止运作") == "委员会今日以后停止运作"  # a date that goes on
    # characters that only look like a day inside a word of the line stay (生日 / 前)
    assert drop_time_words("斯沃茨20岁生日前卖出所持股份") == "斯沃茨20岁生日前卖出所持股份"


def test_a_broadcast_date_after_a_relative_day_is_dropped() -> None:
    # between actor and verb the relative day goes with its bracketed date
    assert drop_time_words("日本本州岛今天（1月6日）发生5.9级地震") == "日本本州岛发生5.9级地震"
    assert drop_time_words("警方周三（12日）出动催泪弹") == "警方出动催泪弹"
    # where the day stays (it opens the line, or a date goes on from it), only the bracketed date goes
    assert drop_time_words("明天（9月2日）出版的人民日报将发表任仲平文章") == "明天出版的人民日报将发表任仲平文章"
    assert drop_time_words("书展周三（10日）起一连5日举行") == "书展周三起一连5日举行"
    assert drop_time_words("周日（9月19日）") == "周日（9月19日）"  # too little would be left


def test_a_same_day_opening_a_line_is_dropped() -> None:
    # 当日 points back to a date the line does not give; 当天是… says what the day is.
    assert drop_time_words("当日人民币对美元汇率中间价报7.0865") == "人民币对美元汇率中间价报7.0865"
    assert drop_time_words("当天下午习近平会见外宾") == "习近平会见外宾"
    assert drop_time_words("当天是中国人民警察节") == "当天是中国人民警察节"
    assert drop_time_words("今天是全国儿童预防接种日") == "今天是全国儿童预防接种日"


def test_a_date_that_carries_meaning_is_kept() -> None:
    kept = [
        "地铁12号线东延段将于12月28日开通试运营",  # the object of 于
        "黎巴嫩和以色列同意14日举行首次会议",  # the object of a verb
        "2023年7月3日成了全球有史以来最热的一天",  # part of a longer date
        "4月25日是澳洲一个重要的纪念日",  # the line opens with it: nothing before it acts
        "全球最大型的国际书展一连5日于德国法兰克福举行",  # a duration
        "新政策自12日起实施",  # a date that goes on
        "委员会8日",  # too little would be left
    ]
    for line in kept:
        assert drop_time_words(line) == line


def test_a_leaders_party_and_state_offices_are_dropped_as_headlines_do() -> None:
    assert drop_state_offices("中共中央总书记、国家主席、中央军委主席习近平发来贺信") == "习近平发来贺信"
    assert drop_state_offices("普京向国家主席习近平致贺电") == "普京向习近平致贺电"
    kept = [
        "越南国家主席梁强会见越南代表",  # another country's office
        "丁薛祥会见老挝人民革命党中央总书记、国家主席通伦",  # inside another leader's list of offices
        "国家主席习近平",  # too little would be left
        "国家主席的职责",  # no name follows
    ]
    for line in kept:
        assert drop_state_offices(line) == line


def test_an_abstracts_opening_frame_is_dropped_leaving_its_topic() -> None:
    assert drop_paper_frame("本文阐述粮食行业结构与粮食安全的关系") == "粮食行业结构与粮食安全的关系"
    assert drop_paper_frame("本文简要介绍了CT分析技术在土壤科学研究中的应用") == "CT分析技术在土壤科学研究中的应用"
    # the frame that announces what follows keeps only its topic
    assert drop_paper_frame("现就干细胞移植治疗脑梗死的研究进展综述如下") == "干细胞移植治疗脑梗死的研究进展"
    assert drop_paper_frame("现将MT的分离纯化技术介绍如下") == "MT的分离纯化技术"
    assert drop_paper_frame("本文就近年来的研究进展作一综述") == "近年来的研究进展"
    kept = [
        "本文以国内刚刚兴起的政务微博为研究对象",  # the frame goes on: no topic right after it
        "本文对档案学研究的方法进行探讨",
        "本文讨论合同法",  # too little would be left
        "研究发现本文介绍的方法有效",  # not at the start; 研究 is the subject here
        "现将有关事项通知如下",  # a notice, no topic treated
    ]
    for line in kept:
        assert drop_paper_frame(line) == line


def test_an_abstracts_aim_verb_is_dropped_in_a_line_of_one_clause() -> None:
    assert drop_paper_frame("探讨大鼠下颌下腺切除后对肝再生的影响") == "大鼠下颌下腺切除后对肝再生的影响"
    assert drop_paper_frame("分析总结恢刺法的临床应用特点") == "恢刺法的临床应用特点"
    assert drop_paper_frame("研究了2-硝基丙烷在硫酸介质中的电还原行为") == "2-硝基丙烷在硫酸介质中的电还原行为"
    # with the 为了 of a purpose before the verb (jieba cuts 为了解 as 为 / 了解)
    assert drop_paper_frame("为了研究高速旋转弹丸马格努斯效应的气动机理") == "高速旋转弹丸马格努斯效应的气动机理"
    assert drop_paper_frame("为了解于桥水库富营养化状况") == "于桥水库富营养化状况"
    kept = [
        "研究生扩招也让高校的住宿资源越发紧张",  # 研究生 is a word of its own
        "为研究生扩招做准备",
        "为了提高运动目标轨迹分类的准确性",  # a purpose without an aim verb keeps its 为了
        "观察人士认为局势紧张",  # the verb is part of a noun
        "调查的工作就是要去证实它",  # the verb modifies the noun after its 的
        "比较多的人认为这是好事",  # 比较 as an adverb
        "研究显示，吸烟有害健康",  # more than one clause
    ]
    for line in kept:
        assert drop_paper_frame(line) == line


def test_a_day_the_copula_speaks_of_is_kept() -> None:
    from yxsumm.postprocess import drop_time_words

    kept = "伊朗局势12月7日是伊朗纪念反巴列维王朝的大学生节"  # without the day, 伊朗局势 would be the holiday
    assert drop_time_words(kept) == kept
    assert drop_time_words("中国科学院8日宣布新发现") == "中国科学院宣布新发现"


def test_a_bare_name_is_joined_to_its_predicate() -> None:
    from yxsumm.postprocess import headline_style, join_a_bare_subject

    assert join_a_bare_subject("习近平，24日听取新疆维吾尔自治区党委和政府工作汇报") == (
        "习近平24日听取新疆维吾尔自治区党委和政府工作汇报"
    )
    assert (
        headline_style("习近平，24日听取新疆维吾尔自治区党委和政府工作汇报")
        == "习近平听取新疆维吾尔自治区党委和政府工作汇报"
    )
    assert join_a_bare_subject("李强，你好") == "李强，你好"  # no predicate of his after the comma
    assert join_a_bare_subject("中国，加油") == "中国，加油"  # no person's name
    # the bare name left once the offices before it are dropped
    assert (
        headline_style("中央军委主席习近平，24日听取新疆维吾尔自治区党委和政府工作汇报")
        == "习近平听取新疆维吾尔自治区党委和政府工作汇报"
    )


def test_a_presenters_segue_is_dropped_leaving_the_story() -> None:
    assert drop_segue("最后关注一下山西代县矿难瞒报事件后续") == "山西代县矿难瞒报事件后续"
    assert drop_segue("接下来看一下防疫放开后社会的恢复情况") == "防疫放开后社会的恢复情况"
    assert drop_segue("首先来看看操纵股价的新花样") == "操纵股价的新花样"
    assert drop_segue("关注民生是重中之重的工作") == "关注民生是重中之重的工作"  # the verb is the subject
    assert drop_segue("看看这个世界多美好啊") == "看看这个世界多美好啊"  # nothing moves on
    assert drop_segue("最后看一下韩国") == "最后看一下韩国"  # too little would be left


def test_the_time_a_line_opens_with_goes_before_where_something_happened() -> None:
    assert headline_style("12月2日14时35分在四川甘孜州泸定县发生5.8级地震") == "四川甘孜州泸定县发生5.8级地震"
    assert drop_opening_time_of_event("12月2日在人民大会堂会见外宾") == "12月2日在人民大会堂会见外宾"  # who met is lost
    assert (
        drop_opening_time_of_event("2月3日上海地铁总客流1018.1万人次") == "2月3日上海地铁总客流1018.1万人次"
    )  # the day's figure
    assert drop_opening_time_of_event("3日在京发生") == "3日在京发生"  # too little would be left


def test_who_said_it_is_put_before_a_colon_as_headlines_do() -> None:
    cases = {
        "瑞士联邦委员会发表声明说，将暂停向美国出口战争物资": "瑞士联邦委员会：将暂停向美国出口战争物资",
        "伊朗外长阿拉格齐在谈判结束后表示，谈判开局良好": "伊朗外长阿拉格齐：谈判开局良好",
        "鲁珀特·默多克宣布，将卸任福克斯和新闻集团董事长一职": "鲁珀特·默多克宣布将卸任福克斯和新闻集团董事长一职",
        "有人说，这是没有异议的事": "有人说，这是没有异议的事",  # no doer named
        "参与研究的成员黄肇鸿表示，无意夸大": "参与研究的成员黄肇鸿表示，无意夸大",  # a clause, not a name
        "普京说，好的": "普京说，好的",  # too little said
        # whom he spoke to would read as a second speaker before a colon
        "特朗普向普京表示，美国人民关注俄罗斯介入美国大选之说": "特朗普向普京表示，美国人民关注俄罗斯介入美国大选之说",
    }
    for line, expected in cases.items():
        assert speaker_colon(line) == expected
    styled = headline_style("美国总统特朗普在接受采访时说，不排除与伊朗进行对话的可能")
    assert styled == "美国总统特朗普：不排除与伊朗进行对话的可能"


def test_the_le_of_a_done_action_is_dropped_as_headlines_do() -> None:
    assert drop_aspect_le("首相岸田文雄访问了乌克兰") == "首相岸田文雄访问乌克兰"
    assert drop_aspect_le("他了解了情况并作出决定") == "他了解情况并作出决定"  # 了解 is a word of its own
    assert drop_aspect_le("毛尖写了一篇祝贺文章") == "毛尖写了一篇祝贺文章"  # before a number it would read as a plan
    assert drop_aspect_le("年度艺坛盛事完结了") == "年度艺坛盛事完结了"  # at the end
    assert drop_aspect_le("为了提高轨迹分类的准确性") == "为了提高轨迹分类的准确性"
    assert headline_style("俄军8日打击了乌军远程无人机仓库") == "俄军打击乌军远程无人机仓库"


def test_wordpiece_output_is_joined_and_stutters_collapse() -> None:
    assert clean_generated("经 典 典 典 [UNK] 作 品 , 今 日 上 演") == "经典作品，今日上演"


def test_summaries_do_not_start_with_an_invented_tag(tiny_copybart_dir, monkeypatch) -> None:
    """The rule is applied to what the Summarizer returns, whatever the model wrote, guard on or off."""
    from yxsumm import Summarizer, generation, guarded_generation

    line = "【专题报道】本市召开工作会议"
    monkeypatch.setattr(generation, "generate_texts", lambda model, tok, texts, **kw: [line] * len(texts))

    def candidates(model, tok, texts, *, capped_out, **kw):
        capped_out.extend(set() for _ in texts)  # none ran to the length cap
        return [[(line, -0.1)]] * len(texts)

    monkeypatch.setattr(guarded_generation, "generate_candidates", candidates)
    for guard in (False, True):
        summarizer = Summarizer(tiny_copybart_dir, num_beams=2, guard=guard, guard_model=None)
        summarizer.guard_assets = guarded_generation.GuardAssets() if guard else None  # no span to compete
        assert summarizer.headline("本市今天召开工作会议，部署重点项目建设。") == "本市召开工作会议"


def test_markup_never_reaches_a_printed_line() -> None:
    text = "30 *历史会记住这一天*\n~~注：以下内容有误~~\n⚠️寻找独立记者，而非职业媒体记者"
    assert finish_line("30 *历史会记住这一天*", text) == "历史会记住这一天"
    assert finish_line("2023-10-31 *10月PMI不到50*", text) == "10月PMI不到50"
    assert finish_line("斯诺登揭露的东西并不是*新鲜事*", text) == "斯诺登揭露的东西并不是新鲜事"
    assert finish_line("~~注：以下内容有误", text) == "注：以下内容有误"
    assert finish_line("⚠️寻找独立记者，而非职业媒体记者", text) == "寻找独立记者，而非职业媒体记者"
    assert finish_line("● 4人乘坐荃湾线列车", text) == "4人乘坐荃湾线列车"
    assert finish_line("——Facebook——", text) == "Facebook"
    assert finish_line("网络安全专家——", text) == "网络安全专家"
    assert finish_line("全面部署实施人才强国战略...", text) == "全面部署实施人才强国战略"


def test_markup_cleaning_keeps_signs_and_inner_dashes() -> None:
    assert finish_line("-5℃低温持续", SOURCE) == "-5℃低温持续"  # a minus sign, not a bullet
    assert finish_line("-主人房", SOURCE) == "主人房"
    assert finish_line("《求是》发表文章——弘扬抗战精神", SOURCE) == "《求是》发表文章——弘扬抗战精神"
    assert finish_line("同比增长7.5%", SOURCE) == "同比增长7.5%"
    assert finish_line("5*3=15", SOURCE) == "5*3=15"
    assert finish_line("**", SOURCE) == "**"  # nothing would be left


def test_the_lead_headline_prints_no_markdown_emphasis() -> None:
    from yxsumm.extractive import extractive_headline

    text = "**全市明天停水12小时**\n\n因管网改造，全市明天停水12小时，请市民提前储水。"
    assert extractive_headline(text, "lead") == "全市明天停水12小时"


def test_a_stamp_before_an_emphasis_cut_short_is_markup() -> None:
    from yxsumm.postprocess import drop_markup

    assert drop_markup("441 *离开农村") == "441 离开农村"
    assert drop_markup("第29期 *河南也不生") == "第29期 河南也不生"
    assert drop_markup("302 *种子养土豆") == "种子养土豆"  # not 302种, a count the text does not give
    assert drop_markup("5*3=15") == "5*3=15"  # arithmetic, no emphasis


def test_a_fallback_is_finished_only_when_the_finished_line_states_nothing_new(monkeypatch) -> None:
    from yxsumm import guarded_generation
    from yxsumm.guarded_generation import faithful_finish

    context = "302 *种子养土豆，土豆养人*\n301 *高考人数两连降*"
    assert faithful_finish("301 *高考人数两连降*", context) == "高考人数两连降"
    # a finishing step that lets the number read as a count (302种) is not taken for the unjudged fallback
    monkeypatch.setattr(guarded_generation, "finish_line", lambda line, _: line.replace(" *", ""))
    assert faithful_finish("302 *种子养土豆", context) == "302 *种子养土豆"
