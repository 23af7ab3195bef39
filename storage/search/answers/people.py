"""Who: a person's name not in the question, the post before or after it (宣传部长申红涛, 免去韩俊的…部长职务),
the holder of a post, the maker of a work, an opponent; and the ranking's cheap test of a holder's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storage.search.answers.strength import FAINT, LIKELY, NOTHING, PLAIN, SOME, WEAK, Asked, new, tags
from storage.text.surnames import COMMON_SURNAMES

# 副总裁, 总干事, 教授: the posts news names people by in business, international bodies and universities too
POST = (
    "(?:长|书记|主任|部长|经理|主席|委员|常委|总监|董事|秘书|局长|记者|通讯员|代表|负责人|总统|总理|首相|发言人|干部|"
    # 支书: the spoken name of a village's party secretary (村支书张佃壮)
    "总裁|干事|教授|支书)"
)
# What asks for the holder of the post written right before it (党支部书记是谁, 董事长叫啥).
# A post ending a description typed without a question word (中国驻法国大使) asks for its holder too.
_HOLDER_ASKED = r"(?:的?(?:是谁|叫什么|叫啥|是哪位|是什么人|名叫什么)|[\W_]*$)"  # 现在是…副主任的是谁


# Who wrote a report, asked (写…那篇稿子的记者是谁, 哪个记者写的, 谁写的这篇报道): news names its writer in the byline
# after the dateline (本报武汉1月31日电 （记者范昊天、鲜敢）), which the story's sentences do not repeat.
REPORTER_ASKED = re.compile(
    r"记者(?:是谁|叫什么|叫啥|是哪位)|哪(?:个|位|名|几位)记者|"
    # 那篇报道是谁写的, 谁写的这条消息 (not 这本书是谁写的: a book's author is no byline)
    r"(?:报道|稿子|消息|新闻)是?谁(?:写|采写)的|谁(?:写|采写)的(?:这|那)?[篇条]?(?:报道|稿子|消息|新闻)"
)


def names_outlets_reporter(sentence: str, terms: Sequence[str]) -> bool:
    """Whether the sentence names a reporter of an outlet the question names (斐济太阳报那个记者叫啥: 《斐济太阳报》
    记者塔莱伊…): the outlet's word, then 记者 and a name; such a reporter is no byline's."""
    return any(
        _may_be_name(m.group(1))
        for t in terms
        if len(t) >= 2 and t != "记者"
        for m in re.finditer(re.escape(t) + r"》?的?记者([\u4e00-\u9fff·]{2,4})", sentence)
    )


# A question asking for a person by what the person is (学者是谁, 那位专家叫什么, 作者是谁): a name answers, not the post
# of someone the question names.
DESCRIBED_PERSON_ASKED = re.compile(r"(?:者|家|员|师|手)的?(?:是谁|叫什么|叫啥|是哪位)")


def post_before(sentence: str, terms: Sequence[str]) -> bool:
    return any(re.search(POST + re.escape(t), sentence) for t in terms)


# A calling news writes right after a person's name (钟南山院士, 张文宏教授, 李明同志): it tells the name is a
# person's, and what the person is, when no post stands before the name.
_CALLING_AFTER = "(?:院士|教授|研究员|博士|医生|大夫|先生|女士|同志|主任|书记|部长|主席|总统|总理|首相)"


def calling_after(sentence: str, terms: Sequence[str]) -> bool:
    """Whether the sentence writes a calling right after the question's one term, of two or more characters
    (钟南山是谁: 钟南山院士); a question of several terms (…医疗队领队是谁) names more than a person."""
    return (
        len(terms) == 1
        and len(terms[0]) >= 2
        and re.search(re.escape(terms[0]) + _CALLING_AFTER, sentence) is not None
    )


def identity_strength(sentence: str, asked: Asked) -> float:
    """X是谁 / X什么职务 when news writes the post right before the name (宣传部长申红涛), or after it
    (免去韩俊的农业农村部部长职务, 任命张柱为农业农村部部长, 李明现任市长), or a calling right after it (钟南山院士)."""
    terms = asked.terms
    return (
        PLAIN
        if post_before(sentence, terms) or _post_after(sentence, terms) or calling_after(sentence, terms)
        else NOTHING
    )


def _post_after(sentence: str, terms: Sequence[str]) -> bool:
    return any(
        re.search(re.escape(t) + r"(?:的|为|任|担任|现任|出任|同志任)[\u4e00-\u9fff]{0,12}?" + POST, sentence)
        for t in terms
        if len(t) >= 2
    )


def who_strength(sentence: str, asked: Asked) -> float:
    """A person's name the question lacks: after a post of the question (巴基斯坦总统扎尔达里), one jieba
    tags, or two or three characters after any post (副市长王立新主持); for a person the question calls by
    surname (老陶, 马医生), a name opening with that surname (`_surname_strength`)."""
    known = asked.known
    surname = surname_asked(asked.query)
    if surname is not None:
        return _surname_strength(sentence, asked, surname)
    if PEOPLE_ASKED.search(asked.query) and len(new_names(sentence, known)) < 2:
        return min(LIKELY, _one_person_strength(sentence, asked))  # 哪些人: a list of names answers
    return _one_person_strength(sentence, asked)


# 哪些人 / 哪几位 / 都有谁: several people are asked for.
PEOPLE_ASKED = re.compile(r"哪些人|哪几位|哪几个人|都有谁|有哪些(?:人|领导人?|嘉宾|代表|选手|队员)")


# jieba's tags of a person's name (nrfg: names it learnt whole, 吴欣娟).
PERSON_TAGS = frozenset({"nr", "nrfg"})


# A name cited with the General Secretary's post (学习贯彻习近平总书记重要讲话精神): whose words are studied, not who did
# the deed asked about.
_CITED_AS = "总书记"


def new_names(sentence: str, known: str) -> set[str]:
    """The person names jieba tags in a sentence that the question lacks, but a name cited by the General
    Secretary's post (`_CITED_AS`)."""
    return {
        w
        for w, tag in tags(sentence)
        if tag in PERSON_TAGS and len(w) >= 2 and w not in known and w + _CITED_AS not in sentence
    }


# A person the question calls by surname: 老 / 小 and the surname (老陶, 小张; not 老师), or the surname and a calling
# (马医生, 王老师, 刘书记) after what points at the person (那个, 的) or at the question's start.
_CALLINGS = (
    "医生|大夫|老师|师傅|书记|支书|主任|警官|教授|大叔|大爷|大伯|大姐|大妈|大嫂|阿姨|奶奶|爷爷|先生|女士|老汉|"
    "村长|校长|厂长|院长|局长|站长|所长|队长|经理|老板"
)
_SURNAME_CALLED = re.compile(
    r"[老小](?!师)([" + COMMON_SURNAMES + r"])(?=全名|真名|大名|的|叫|是|名字|[^\u4e00-\u9fff]|$)|"
    r"(?:^|(?<=[的个位那这])|(?<![\u4e00-\u9fff]))([" + COMMON_SURNAMES + r"])(?:" + _CALLINGS + ")"
)
# A surname and one or two characters after it: a name written in full (马莹, 陶忠智).
NAME_AFTER_SURNAME = 2


def surname_asked(query: str) -> str | None:
    """The surname of the person a (normalised) question calls by surname and calling (老陶 → 陶, 马医生 → 马)."""
    m = _SURNAME_CALLED.search(query)
    return (m.group(1) or m.group(2)) if m else None


def _surname_strength(sentence: str, asked: Asked, surname: str) -> float:
    """For a person called by surname: a name the question lacks opening with that surname (陶忠智 for 老陶) holds
    the person plainly; any other name is most often someone else's, a hint at most."""
    named = new_names(sentence, asked.known) | {
        m.group(1) for m in _CALLED_PERSON.finditer(sentence) if m.group(1) not in asked.known
    }
    if any(n.startswith(surname) and len(n) <= 1 + NAME_AFTER_SURNAME for n in named):
        return PLAIN
    return min(WEAK, _one_person_strength(sentence, asked))


# What follows a post when no name does (发言人表示, 部长对此, 主任介绍说), besides `_NOT_A_NAME`'s time
# words and adverbs. A list, not jieba's tags: jieba tags the first characters of many names as verbs or
# measure words (张熇: 张/q, 解振华: 解振/v).
_SPOKEN_AFTER_POST = re.compile(
    r"^(?:表示|指出|强调|介绍|说|称|透露|认为|告诉|回答|答记者|对此|就此|在此|在会上|发表|宣布|证实|确认|"
    r"回应|提到|谈到|接受|会见|坦言|呼吁|要求|希望|承认|否认|警告|批评|补充|解释|重申)"
)


def _may_be_name(text: str) -> bool:
    """Whether the characters after a post may begin a name: not 今天, 表示, 对此 and the like."""
    return not (_NOT_A_NAME.match(text) or _SPOKEN_AFTER_POST.match(text))


# Who wrote or made a work (这本书是谁写的, 作者是谁, 谁导演的), and how news names its maker: right before the
# verb of making (江小涓撰著的《新中国对外开放70年》, 由张艺谋执导), a name jieba may not know.
_MAKER_ASKED = re.compile(r"谁(?:写|著|编|创作|导演|执导|拍|作词|作曲|设计)|作者|编者|导演是")
_MAKER = re.compile(
    r"(?:^|[，,、。：:“（(由])([\u4e00-\u9fff·]{2,4}?)(?:撰著|编著|主编|撰写|所著|著|创作|执导|编剧|作词|作曲|设计)"
)


# Who someone lost to or beat (输给了谁, 战胜了谁, 对手是谁): sport news names the side after the verb
# (以34∶39负于韩国队, 不敌, 力克), a team or a country jieba does not tag as a person.
_LOST = "输给|败给|负于|不敌|憾负|惜败于?"
_WON = "战胜|击败|打败|力克|淘汰|击溃|逆转|完胜|横扫|赢了"
_OPPONENT_ASKED = re.compile(f"(?:{_LOST}|{_WON})了?(?:谁|哪)|对手是")
_SIDE = r"([\u4e00-\u9fff]{2,8}?(?:队|选手|组合)|[\u4e00-\u9fff]{2,4}(?=[，,。；;]|$))"
_PLAYED = re.compile(r"(?:与|同|和|对阵|迎战|战平)" + _SIDE)  # played against, whoever won


# Who issued a document, asked (通知是谁发的, 由谁印发, 谁发布的), and as news names the issuer: a body (部, 委, 办, 局,
# 院, 会…; several parted by 、) right before the verb of issuing (国务院扶贫办、银保监会下发《…通知》).
_ISSUER_ASKED = re.compile(r"(?:是谁|由谁|谁)(?:发|下发|印发|发布|出台|制定|公布)的?")
_ISSUER = re.compile(
    r"[\u4e00-\u9fff]{1,12}(?:部|委|办|局|院|会|厅|署|府|行|中心|小组)(?:、[\u4e00-\u9fff]{2,14})*"
    r"(?:联合|共同)?(?:下发|印发|发布|出台|制定|公布)"
)


def _one_person_strength(sentence: str, asked: Asked) -> float:
    known = asked.known
    if _ISSUER_ASKED.search(asked.query) and _ISSUER.search(sentence):
        return PLAIN  # 通知是谁发的: 国务院扶贫办、银保监会下发《…通知》
    if _OPPONENT_ASKED.search(asked.query):
        verbs = _LOST if re.search(_LOST, asked.query) else _WON
        if new([m.group(1) for m in re.finditer(f"(?:{verbs})" + _SIDE, sentence)], known):
            return PLAIN  # 输给了谁: 负于韩国队
        if new([m.group(1) for m in _PLAYED.finditer(sentence)], known):
            return LIKELY  # 与韩国队相遇: the side played against
        return min(WEAK, _holder_strength(sentence, asked))  # a name, not a side played against
    return _holder_strength(sentence, asked)


# How news names a person it has just described: 他叫韩启开, 她名叫李娟, 老人名叫王某.
_CALLED_PERSON = re.compile(r"(?:他|她|名)叫([\u4e00-\u9fff]{2,3}?)(?=[，,。；;！!”\s]|$)")


# A person the question describes by what they are (村民, 老兵, 农户, 姑娘), and how news names one right
# after that word before what they said (村民王强强述说着…, 老人李大爷说).
_PERSON_NOUN = re.compile(r"(?:民|兵|户|员|师|学生|医生|姑娘|小伙|老人|老汉|大爷|大妈|阿姨)$")
_SPEAKS = r"([\u4e00-\u9fff]{2,3}?)(?:说|述说|讲述|表示|介绍|告诉|感慨|坦言|笑着说|回忆)"


# Words after a post that make it another post (总经理助理谢益明 is the manager's assistant, not the manager).
_ANOTHER_POST = re.compile(r"助理|秘书|夫人|一行")


# A foreign name as Chinese prints it, its parts joined by a middle dot (罗纳尔多·莱莫斯, 康拉德·赛茨): jieba
# tags few of them as names.
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")


def _dotted_names(sentence: str, known: str) -> list[str]:
    """The dotted (foreign) names of a sentence that the question lacks (by the characters either side of the
    dot: 巨匠达·芬奇与 is the question's 达·芬奇)."""
    out = []
    for name in _DOTTED_NAME.findall(sentence):
        left, right = name.split("·", 1)
        if left[-1] + "·" + right[0] not in known:
            out.append(name)
    return out


# Posts joined before one name (董事长、总经理吴长鸿; 党委书记兼院长…): up to two more posts after the one asked.
_JOINED_POSTS = r"(?:(?:、|兼)[\u4e00-\u9fff]{0,8}?" + POST + r"){0,2}"


# A post jieba reads with the last character of its body (卫生健康局局长 → 卫生健康/局局长, 教育部部长 → 部部长,
# 北元疃村村支书 → 北元/疃/村村支书): news writes the post alone after the body's other posts (卫生健康局党组书记、
# 局长吴松) or after the body's name (村支书张佃壮).
_GLUED_POST = re.compile(r"^(.)\1(?=.{0,2}" + POST + "$)")


def post_forms(term: str) -> tuple[str, ...]:
    """A post word of the question, and the post alone when jieba glued it to its body's end (局局长 → 局长)."""
    return (term, term[1:]) if _GLUED_POST.match(term) else (term,)


def _holder_strength(sentence: str, asked: Asked) -> float:
    """`_one_person_strength` for any person: a name after a post, one jieba tags, a maker of a work."""
    known = asked.known
    if _MAKER_ASKED.search(asked.query) and new([m.group(1) for m in _MAKER.finditer(sentence)], known):
        return PLAIN  # 这本书是谁写的: 江小涓撰著的《…》
    if new([m.group(1) for m in _CALLED_PERSON.finditer(sentence)], known):
        return PLAIN  # 那位老兵叫什么: 住着一位95岁的抗战老兵，他叫韩启开 (a name jieba may not know)
    described = [t for t in asked.terms if len(t) >= 2 and _PERSON_NOUN.search(t)]
    if any(
        _may_be_name(m.group(1)) and not m.group(1).startswith("们") and m.group(1) not in known
        for t in described
        for m in re.finditer(re.escape(t) + _SPEAKS, sentence)
    ):
        return PLAIN  # 说老街变美了的村民叫啥: 河上镇村民王强强述说着农村的巨变
    posts = [p for t in asked.terms if re.search(POST + "$", t) for p in post_forms(t)]
    # the post whose holder is asked for (党支部书记是谁, 董事长叫什么), not one naming something else
    # (代表建议和委员提案吹风会是谁介绍的)
    holder_asked = [t for t in posts if re.search(re.escape(t) + _HOLDER_ASKED, asked.query)]
    for t in posts:
        # 总理李克强同葡萄牙总理科斯塔: the second holder of the post may be the one asked about; 董事长、总经理
        # 吴长鸿, 董事长兼总经理…: one person holding posts joined by 、 or 兼
        if any(
            m.group(1) not in known and _may_be_name(m.group(1)) and not _ANOTHER_POST.match(m.group(1))
            for m in re.finditer(re.escape(t) + _JOINED_POSTS + r"([\u4e00-\u9fff·]{2})", sentence)
        ):
            return PLAIN
    if new_names(sentence, known) or _dotted_names(sentence, known):
        # 白沙村党支部书记是谁: a name not after the post asked about is most often someone else's
        return SOME if holder_asked else PLAIN
    after_post = [
        m.group(1)
        for m in re.finditer(POST + r"([\u4e00-\u9fff]{2,3})", sentence)
        if _may_be_name(m.group(1))
    ]
    # 黄璐琦委员发言说: a name right before a post the question names (哪位委员)
    before_post = [
        m.group(1)
        for t in asked.terms
        if re.search(POST + "$", t)
        for m in re.finditer(r"(?:^|[，,、。：:“（(])([\u4e00-\u9fff]{2,3})" + re.escape(t), sentence)
    ]
    if new(before_post, known):
        return LIKELY
    # 董事长是谁: a name after another post (记者一行, 总经理王某) holds another post
    return (FAINT if holder_asked else LIKELY) if new(after_post, known) else NOTHING


# A name right after a post, then what the person did or when (发言人穆赫比25日称, 总统扎尔达里说), a word of
# time between them as news writes it (特别代表山本忠通日前强调, 发言人李奕当天介绍).
_HOLDER_FOLLOWS = (
    r"([\u4e00-\u9fff·]{2,4}?)(?:\d{1,2}日|(?:日前|近日|当天|当日|今天|昨天|此前)?"
    r"(?:说|称|表示|指出|强调|介绍|宣布|会见|主持|出席|在))"
)
_NOT_A_NAME = re.compile(r"^(?:今天|今日|当天|昨天|日前|近日|此前|随后|也|还|则|都|已|曾|再次|同时|当日)")


def holder_test(query: str, terms: tuple[str, ...]) -> Callable[[str], bool] | None:
    """X的发言人是谁: a passage naming whoever holds the post asked about, after the word the question
    writes before the post (革命卫队发言人穆赫比25日称); None when the question names no post."""
    posts = [
        # the post with whose it is when the question says so (巴基斯坦总统: not 伊朗总统佩泽希齐扬)
        (re.escape(terms[k - 1]) + r"[^，,。；;]{0,4}?" if k else "") + re.escape(t)
        for k, t in enumerate(terms)
        if re.search(POST + "$", t)
    ]
    if not posts:
        return None
    known = query + "".join(terms)
    pattern = re.compile("(?:" + "|".join(posts) + ")" + _HOLDER_FOLLOWS)

    def holds(text: str) -> bool:
        return any(
            not _NOT_A_NAME.match(m.group(1)) and m.group(1) not in known for m in pattern.finditer(text)
        )

    return holds
