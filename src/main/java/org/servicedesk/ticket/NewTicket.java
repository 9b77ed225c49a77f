package org.servicedesk.ticket;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.servicedesk.system.CleanText;

/** The body of {@code POST /api/tickets}. */
public record NewTicket(
        @Positive Long customerId,
        @NotBlank @Size(max = 200) @CleanText String customerName,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{5,40}", message = "must be a phone number") String phone,
        @Size(max = 200) @Email @CleanText String email,
        @NotNull Channel channel,
        @NotNull Category category,
        @NotNull Priority priority,
        @NotBlank @Size(max = 200) @CleanText String subject,
        @NotBlank @Size(max = 4000) @CleanText(multiline = true) String description,
        @Size(max = 200) @CleanText String product,
        @Size(max = 100) @CleanText String orderNumber) {
}
