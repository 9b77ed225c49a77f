package org.servicedesk.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.servicedesk.system.CleanText;

/** The body of {@code POST /api/surveys/{token}}: five scores from 1 (very dissatisfied) to 5 and a comment. */
public record SurveyAnswer(
        @NotNull @Min(1) @Max(5) Integer responseSpeed,
        @NotNull @Min(1) @Max(5) Integer resolutionEfficiency,
        @NotNull @Min(1) @Max(5) Integer attitude,
        @NotNull @Min(1) @Max(5) Integer effectiveness,
        @NotNull @Min(1) @Max(5) Integer overall,
        @Size(max = 2000) @CleanText(multiline = true) String comment) {
}
