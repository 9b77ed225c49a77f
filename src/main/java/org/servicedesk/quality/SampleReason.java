package org.servicedesk.quality;

/** Why a ticket is in the week's sample. */
public enum SampleReason {
    /** Its survey answer had a score of 2 or less: always inspected. */
    DISSATISFIED,
    /** Drawn at random from the other tickets closed in the week. */
    RANDOM
}
