package org.servicedesk.ticket;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tickets/{number}/confirmation}. */
public record Confirmation(@NotNull Boolean accepted, @Size(max = 2000) String comment) {
}
