package org.servicedesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.servicedesk.system.CleanText;

/** The body of {@code POST /api/tickets/{number}/replies}: an agent's reply; {@code agent} is their user id. */
public record Message(@NotBlank @Size(max = 4000) @CleanText(multiline = true) String message,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a user id") String agent) {
}
