package org.servicedesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.servicedesk.system.CleanText;

/**
 * The body of {@code POST /api/replies/{token}} (the customer's answer through their link) and of
 * {@code POST /api/tickets/{number}/customer-reply} (an agent records it).
 */
public record CustomerReply(@NotBlank @Size(max = 4000) @CleanText(multiline = true) String message) {
}
