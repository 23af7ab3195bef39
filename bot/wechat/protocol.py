"""The WeChat Official Account (公众号) message protocol, plain-text mode: pure functions, no HTTP.

- URL check and request signature: ``signature`` = hex SHA-1 of token, ``timestamp`` and ``nonce``
  sorted and joined (`signature`, `signature_ok`).
- Incoming messages: XML with ``ToUserName`` (the account), ``FromUserName`` (the reader's openid),
  ``CreateTime``, ``MsgType`` (text, image, voice, video, shortvideo, location, link, event), ``Content``,
  ``MsgId``, ``Event``, for voice ``Recognition`` (the platform's speech recognition, when the account
  turned it on), for a shared link card ``Title`` and ``Url`` (`parse_message`, with defusedxml: no DTD, no entity is ever expanded).
- The passive reply: XML text message addressed back, ToUserName = the reader's openid
  (`text_reply`), at most 2048 bytes of content (`bot.wechat.format.fit`).
- A message the platform sends again (it retries an unanswered one up to three times) has the same MsgId;
  events have none, so openid + CreateTime + Event names them (`message_key`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

MAX_BODY = 64 * 1024  # a text message is well under 4 KB; anything this large is not one


class BadMessage(ValueError):
    """A body that is not a WeChat message (broken XML, a DTD or entities, fields missing)."""


class EncryptedMessage(BadMessage):
    """A message the platform encrypted (`<Encrypt>` and no MsgType): the account is set to 安全模式 (safe
    mode), and newsbot reads 明文模式 (plain text) only."""


@dataclass(frozen=True)
class Message:
    to_user: str  # the account
    from_user: str  # the reader's openid
    create_time: int
    msg_type: str
    content: str = ""
    msg_id: str = ""
    event: str = ""
    recognition: str = ""  # a voice message's words, when the account has speech recognition on
    title: str = ""  # a shared link card's title (MsgType link)
    url: str = ""  # a shared link card's address (MsgType link)


def signature(token: str, timestamp: str, nonce: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode("utf-8")).hexdigest()


def signature_ok(token: str, timestamp: str | None, nonce: str | None, given: str | None) -> bool:
    """True when `given` is the signature of this token, timestamp and nonce (compared in constant time)."""
    if not token or timestamp is None or nonce is None or not given:
        return False
    return hmac.compare_digest(signature(token, timestamp, nonce), given.lower())


def _field(root: Element, name: str) -> str:
    node = root.find(name)
    return (node.text or "").strip() if node is not None else ""


def parse_message(body: bytes) -> Message:
    """The message in a POST body; `BadMessage` when it is not one."""
    if len(body) > MAX_BODY:
        raise BadMessage("body too large")
    try:
        root = fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise BadMessage(f"not a message: {type(exc).__name__}") from exc
    if root.tag != "xml":
        raise BadMessage("the root element is not <xml>")
    msg_type = _field(root, "MsgType").lower()
    from_user = _field(root, "FromUserName")
    to_user = _field(root, "ToUserName")
    created = _field(root, "CreateTime")
    if not msg_type and root.find("Encrypt") is not None:
        raise EncryptedMessage("an encrypted message (安全模式)")
    if not msg_type or not from_user or not to_user:
        raise BadMessage("MsgType, FromUserName or ToUserName missing")
    content_node = root.find("Content")
    return Message(
        to_user=to_user,
        from_user=from_user,
        create_time=int(created) if created.isdigit() else 0,
        msg_type=msg_type,
        content=(content_node.text or "") if content_node is not None else "",
        msg_id=_field(root, "MsgId"),
        event=_field(root, "Event").lower(),
        recognition=_field(root, "Recognition"),
        title=_field(root, "Title"),
        url=_field(root, "Url"),
    )


def message_key(message: Message) -> str:
    """What names a message across the platform's retries: its MsgId, else openid + time + event."""
    if message.msg_id:
        return f"wechat:{message.msg_id}"
    return f"wechat:{message.from_user}:{message.create_time}:{message.event or message.msg_type}"


# Characters XML 1.0 does not allow anywhere, even in CDATA: left out of a reply.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _cdata(value: str) -> str:
    return "<![CDATA[" + _NOT_XML.sub("", value).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply(message: Message, content: str, now: int) -> bytes:
    """The passive text reply to `message` (addressed back to its sender), as the response body."""
    return (
        "<xml>"
        f"<ToUserName>{_cdata(message.from_user)}</ToUserName>"
        f"<FromUserName>{_cdata(message.to_user)}</FromUserName>"
        f"<CreateTime>{int(now)}</CreateTime>"
        "<MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{_cdata(content)}</Content>"
        "</xml>"
    ).encode()
