package org.servicedesk.notification;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SMS text into segments that each fit one SMS: 160 characters when the text is plain
 * ASCII (GSM 7-bit), 70 UTF-16 characters otherwise (UCS-2, e.g. Chinese). A text of more than
 * one segment gets "(1/3) " in front of each, counted within the limit.
 */
final class SmsSegments {

    static final int GSM_LIMIT = 160;

    static final int UCS2_LIMIT = 70;

    private SmsSegments() {
    }

    static List<String> of(String text) {
        int limit = text.chars().allMatch(c -> c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f)) ? GSM_LIMIT
                : UCS2_LIMIT;
        if (text.length() <= limit) {
            return List.of(text);
        }
        // the prefix "(i/n) " is at most this long; the count n needs as many digits as the estimate
        for (int digits = 1;; digits++) {
            int prefix = 4 + 2 * digits;
            List<String> parts = split(text, limit - prefix);
            if (String.valueOf(parts.size()).length() <= digits) {
                List<String> segments = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    segments.add("(" + (i + 1) + "/" + parts.size() + ") " + parts.get(i));
                }
                return segments;
            }
        }
    }

    private static List<String> split(String text, int size) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // do not cut a character in two
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }
}
