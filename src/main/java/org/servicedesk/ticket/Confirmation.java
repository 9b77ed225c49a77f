package org.servicedesk.ticket;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.servicedesk.system.CleanText;

/**
 * The body of {@code POST /api/confirmations/{token}} (the customer's link) and of
 * {@code POST /api/tickets/{number}/confirmation} (an agent records the customer's answer).
 */
public record Confirmation(@NotNull Boolean accepted, @Size(max = 2000) @CleanText(multiline = true) String comment) {
}
