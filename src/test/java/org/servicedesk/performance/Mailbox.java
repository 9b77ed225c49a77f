package org.servicedesk.performance;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The customers' mailboxes on GreenMail: the link of a ticket's message, found in the inbox of its
 * customer's address (GreenMail files each delivery under its recipient), so that a benchmark
 * client looks at its own few messages only.
 */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("/customer/(confirmations|surveys)/([A-Za-z0-9_-]{16,})");

    private final GreenMail smtp;

    Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    /** The token of the first link of this kind ("confirmations", "surveys") sent to the address. */
    Optional<String> token(String address, String kind) throws Exception {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        if (user == null) {
            return Optional.empty();
        }
        List<StoredMessage> messages;
        try {
            messages = List.copyOf(smtp.getManagers().getImapHostManager().getInbox(user).getMessages());
        } catch (ConcurrentModificationException e) {
            return Optional.empty(); // a message being delivered to this inbox right now: look again
        }
        for (StoredMessage message : messages) {
            Matcher link = LINK.matcher(text(message.getMimeMessage()));
            while (link.find()) {
                if (link.group(1).equals(kind)) {
                    return Optional.of(link.group(2));
                }
            }
        }
        return Optional.empty();
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return "";
    }
}
