package org.servicedesk.notification;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over SMTP ({@code spring.mail.*}): plain text, UTF-8. Every row has a stable
 * Message-ID ({@code <outbox-ID@domain>}), so a message sent twice (see {@link OutboxDispatcher})
 * can be recognised as the same one.
 */
@Component
@Order(0)
@ConditionalOnProperty("spring.mail.host")
class EmailSender implements NotificationSender {

    private final JavaMailSender mail;

    private final NotificationProperties.Mail settings;

    EmailSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.settings = properties.mail();
    }

    @Override
    public Set<NotificationChannel> channels() {
        return Set.of(NotificationChannel.EMAIL);
    }

    @Override
    public String send(Notification notification) {
        String messageId = NotificationSender.messageId(notification, settings.messageIdDomain());
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(notification.getRecipient());
            helper.setSubject(notification.getSubject());
            helper.setText(notification.getBody());
            // JavaMailSenderImpl keeps a Message-ID that is set before sending
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException e) {
            throw new MailPreparationException("e-mail of notification " + notification.getId() + " not prepared", e);
        }
        mail.send(message);
        return messageId;
    }
}
