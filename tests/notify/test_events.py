"""The notification room: each event in Vietnamese and English, one message per language group, the
channel's failures raised to the sender, attachments, and a second channel added by settings alone."""

from __future__ import annotations

import smtplib

import pytest
from django.core import mail

from catalog_sync import notify
from catalog_sync.notify import channels
from catalog_sync.notify.render import render_for
from tests.notify import events as make

# (factory, Vietnamese subject, a Vietnamese line of the text, English subject, the same line in English)
EXAMPLES = {
    "order_lines": (
        make.order_lines,
        "Đơn hàng #42: 2 dòng hàng của bạn cần gửi", "Đơn hàng #42 lúc 20/11/2026 09:30 có sản phẩm của bạn:",
        "Order #42: 2 lines of yours to ship", "Order #42 of 20/11/2026 09:30 holds your products:"),
    "certificate_reminder": (
        make.reminder,
        "Giấy chứng nhận OCOP TQ-2023-0100: còn 30 ngày",
        "Giấy chứng nhận OCOP TQ-2023-0100 của Miến dong Bình Lư có hiệu lực đến hết ngày 30/05/2026 (còn 30 ngày).",
        "OCOP certificate TQ-2023-0100: 30 days left",
        "The OCOP certificate TQ-2023-0100 of Miến dong Bình Lư is valid until 30/05/2026 (30 days left)."),
    "invitation": (
        make.invitation,
        "OCOP Market: lời mời vào cổng chủ thể của HTX Ong mật Mèo Vạc",
        "Văn phòng OCOP mời bạn quản lý sản phẩm của HTX Ong mật Mèo Vạc trên OCOP Market.",
        "OCOP Market: your invitation to the producer portal of HTX Ong mật Mèo Vạc",
        "The OCOP office invites you to manage the products of HTX Ong mật Mèo Vạc on OCOP Market."),
    "second_step_locked": (
        make.second_step_locked,
        "OCOP Market: bước nhập mã đăng nhập bị tạm khóa vì nhập sai mã",
        "Bước nhập mã của tài khoản này bị tạm khóa trong 15 phút, đến 10:15 20/11/2026 (giờ Việt Nam).",
        "OCOP Market: two-step sign-in locked after wrong codes",
        "The code step of this account is locked for 15 minutes, until 10:15 20/11/2026 (Vietnam time)."),
    "account_confirm": (
        make.account,
        "Xác nhận email của bạn tại OCOP Market", "Xin chào Trần Thị Mai,",
        "Confirm your email for OCOP Market", "Hello Trần Thị Mai,"),
    "account_set_password": (
        lambda: make.account(purpose="set_password"),
        "Chọn mật khẩu mới tại OCOP Market",
        "Có người vừa yêu cầu đổi mật khẩu tài khoản OCOP Market của bạn. Hãy mở đường dẫn này để chọn mật khẩu mới:",
        "Choose a new password for OCOP Market",
        "Someone asked to change the password of your OCOP Market account. Open this link to choose a new one:"),
    "service_line_cancelled": (
        make.service_cancelled,
        "OCOP Market: đơn hàng #57, đã hủy Tour trải nghiệm làng chè",
        "Bạn đã thanh toán dịch vụ này: 700.000 ₫ sẽ được hoàn lại vào thẻ hoặc tài khoản bạn đã dùng để trả.",
        "OCOP Market: order #57, Tour trải nghiệm làng chè cancelled",
        "You paid for it: ₫700,000 will be refunded to the card or account you paid from."),
    "digest": (
        make.digest,
        "OCOP Tuyên Quang: bản tin tuần 16/11–22/11/2026",
        "- TQ-2024-0002 · Chè Shan tuyết · HTX Ong mật Mèo Vạc · rút lúc 00:00 19/11/2026 · bị thu hồi "
        "(Vi phạm chất lượng)",
        "OCOP Tuyên Quang: weekly digest 16/11–22/11/2026",
        "- TQ-2024-0002 · Chè Shan tuyết · HTX Ong mật Mèo Vạc · withdrawn at 00:00 19/11/2026 · "
        "revoked on 2026-11-19 (TQ-2024-0002) (Vi phạm chất lượng)"),
    "payout_statement": (
        make.payout_statement,
        "OCOP Market: bảng kê tháng 11/2026 của HTX Ong mật Mèo Vạc", "Còn phải trả cho bạn: 465.000 ₫",
        "OCOP Market: statement of HTX Ong mật Mèo Vạc for 11/2026", "Still due to you: ₫465,000"),
    "payouts_bank_confirm": (
        make.payout_bank_confirmation,
        "OCOP Market: xác nhận tài khoản ngân hàng mới của HTX Ong mật Mèo Vạc",
        "Đăng nhập cổng chủ thể và xác nhận trong vòng 48 giờ:",
        "OCOP Market: confirm the new bank details of HTX Ong mật Mèo Vạc",
        "Sign in to the producer portal and confirm within 48 hours:"),
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_event_is_written_in_vietnamese_with_its_diacritics_and_in_english(name):
    # given an event as its room builds it
    factory, vi_subject, vi_line, en_subject, en_line = EXAMPLES[name]
    event = factory()
    assert event.template == name
    # when its email is rendered in each language
    vi, en = render_for("email", event, ("vi",)), render_for("email", event, ("en",))
    # then each reads in its own language, with nothing of the other
    assert (vi.subject, en.subject) == (vi_subject, en_subject)
    assert vi_line in vi.text and en_line in en.text
    assert en_line not in vi.text and vi_line not in en.text


def test_every_event_of_the_room_has_an_example_here():
    kinds = {cls.kind for cls in notify.Event.__subclasses__()}
    assert kinds == {"order_lines", "certificate_reminder", "invitation", "second_step_locked", "account",
                     "service_line_cancelled", "digest", "payout_statement", "payouts_bank_confirm"}


def test_a_message_in_two_languages_is_vietnamese_then_english_in_one_email():
    # given a producer's two people, who have no language of their own
    event = make.order_lines(recipients=make.to("lan@example.vn", "minh@example.vn", languages=("vi", "en")))
    # when the event is sent
    assert notify.send(event) == ["email"]
    # then one email goes to both, Vietnamese first
    [message] = mail.outbox
    assert message.to == ["lan@example.vn", "minh@example.vn"]
    assert message.subject == "Đơn hàng #42: 2 dòng hàng của bạn cần gửi / Order #42: 2 lines of yours to ship"
    vietnamese, english = message.body.split("\n\n-- \n\n")
    assert vietnamese.startswith("Xin chào,") and "- 2 × Mật ong bạc hà · Hũ 500 g (185.000 ₫)" in vietnamese
    assert english.startswith("Hello,") and "- 2 × Mật ong bạc hà · Hũ 500 g (₫185,000)" in english
    assert message.alternatives == []


def test_recipients_of_different_languages_get_one_email_per_language():
    # given a Vietnamese and an English customer told of the same thing
    event = make.account(recipients=(notify.Recipient("mai@example.vn", ("vi",)),
                                     notify.Recipient("alex@example.com", ("en",))))
    # when it is sent
    notify.send(event)
    # then each gets it in their language, alone
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["mai@example.vn"], "Xác nhận email của bạn tại OCOP Market"),
        (["alex@example.com"], "Confirm your email for OCOP Market")]


def test_the_digest_has_an_html_part_in_the_offices_language():
    notify.send(make.digest())
    [message] = mail.outbox
    html, mime = message.alternatives[0]
    assert mime == "text/html" and '<html lang="vi">' in html
    assert "<th>Ngày hiệu lực cuối</th>" in html
    assert '<a href="https://ocop.example.vn/verify/TQ-2024-0002/">TQ-2024-0002</a>' in html
    english = render_for("email", make.digest(), ("en",)).html
    assert english is not None and "<th>Last valid day</th>" in english and '<html lang="en">' in english


def test_an_empty_digest_says_so_in_both_languages():
    empty = make.digest(expiring=(), withdrawn=())
    vi, en = render_for("email", empty, ("vi",)), render_for("email", empty, ("en",))
    assert vi.subject == "OCOP Tuyên Quang: bản tin tuần 16/11–22/11/2026 (không có gì mới)"
    assert en.subject == "OCOP Tuyên Quang: weekly digest 16/11–22/11/2026 (nothing new)"
    assert "Tuần này không có gì cần báo" in vi.text and "Nothing to report this week" in en.text


def test_the_payout_statement_carries_its_pdf():
    notify.send(make.payout_statement())
    [message] = mail.outbox
    assert message.attachments == [("bang-ke-2026-11.pdf", b"%PDF-1.7 statement", "application/pdf")]


def test_names_are_written_as_they_are_in_plain_text_emails():
    notify.send(make.invitation(producer_name="HTX Trà & Quế <Yên Bái>"))
    [message] = mail.outbox
    assert "HTX Trà & Quế <Yên Bái>" in message.subject and "sản phẩm của HTX Trà & Quế <Yên Bái> trên" in message.body


def test_an_event_without_recipients_sends_nothing():
    assert notify.send(make.reminder(recipients=())) == []
    assert mail.outbox == []


def test_a_channel_that_cannot_send_raises_to_the_sender(monkeypatch):
    # given the mail server down
    def down(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "try later")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", down)
    # when an event is sent / then the sender sees the failure (and can roll its record back)
    with pytest.raises(smtplib.SMTPConnectError):
        notify.send(make.reminder())


class Recording:
    """A channel of the test: what a second channel (Zalo, SMS) is to the room."""

    name = "recording"
    sent: list[notify.Event] = []

    def handles(self, event: notify.Event) -> bool:
        return isinstance(event, notify.events.CertificateReminder)

    def deliver(self, event: notify.Event) -> None:
        self.sent.append(event)


def test_a_second_channel_is_one_class_named_in_the_settings(settings):
    # given a channel added beside email by settings only
    settings.NOTIFY_CHANNELS = [*channels.DEFAULT_CHANNELS, f"{__name__}.Recording"]
    Recording.sent.clear()
    # when a reminder and an invitation are sent
    reminder, invitation = make.reminder(), make.invitation()
    assert notify.send(reminder) == ["email", "recording"]
    assert notify.send(invitation) == ["email"]
    # then both went by email and the channel got only what it handles
    assert len(mail.outbox) == 2 and Recording.sent == [reminder]


def test_a_cancelled_service_names_its_variant_and_says_nothing_is_owed_when_unpaid():
    unpaid = make.service_cancelled(refund_owed=False)
    vi, en = render_for("email", unpaid, ("vi",)), render_for("email", unpaid, ("en",))
    assert "Chủ thể đã hủy 2 × Tour trải nghiệm làng chè · Người lớn trong đơn hàng #57 của bạn (700.000 ₫)." in vi.text
    assert "Bạn chưa thanh toán dịch vụ này: không có khoản nào phải hoàn." in vi.text and "hoàn lại" not in vi.text
    assert "You have not paid for it: nothing is owed." in en.text
