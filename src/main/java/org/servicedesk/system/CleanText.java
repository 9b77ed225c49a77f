package org.servicedesk.system;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person typed: no control characters (NUL, escape, ...; line breaks and tabs only where
 * {@code multiline}), no unpaired UTF-16 surrogates and no non-characters, and not only white space
 * (of any script; an empty text is left to {@code @NotBlank}). Such characters are
 * never meant, PostgreSQL refuses NUL outright, and they can break the pages and messages the text
 * appears in. {@code null} is valid (use {@code @NotNull} or {@code @NotBlank} to require a value).
 */
@Documented
@Constraint(validatedBy = CleanText.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface CleanText {

    boolean multiline() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CleanText, CharSequence> {

        private boolean multiline;

        @Override
        public void initialize(CleanText annotation) {
            this.multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!isClean(value, multiline)) {
                return false;
            }
            if (value.length() > 0 && isBlank(value)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not be blank").addConstraintViolation();
                return false;
            }
            return true;
        }

        /** Only white space of any script (an ideographic space U+3000 too, which {@code @NotBlank} lets through). */
        public static boolean isBlank(CharSequence text) {
            return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
        }

        /** The check itself, for text that does not come through bean validation (form fields). */
        public static boolean isClean(CharSequence text, boolean multiline) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, text.charAt(++i));
                        if ((codePoint & 0xFFFE) == 0xFFFE) {
                            return false; // U+1FFFE, U+1FFFF, ...: non-characters
                        }
                        continue;
                    }
                    return false;
                }
                if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')) {
                    return false;
                }
                if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                    return false;
                }
                if (!multiline && (c == '\u2028' || c == '\u2029')) {
                    return false; // line and paragraph separators in a one-line field
                }
            }
            return true;
        }
    }
}
