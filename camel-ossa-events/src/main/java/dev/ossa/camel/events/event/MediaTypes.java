package dev.ossa.camel.events.event;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RFC 2046 media types: syntax, and whether one declares JSON ({@code type/json} or {@code type/anything+json}).
 */
public final class MediaTypes {

    private static final String TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
    private static final String QUOTED = "\"(?:[^\"\\\\\\p{Cntrl}]|\\\\.)*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*[ \\t]*");

    /** Media types already found valid. */
    private static final CheckedValues<Boolean> VALID = new CheckedValues<>();

    private MediaTypes() {
    }

    /** True when {@code value} is {@code type/subtype} with optional {@code ; name=value} parameters. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        if (VALID.get(value) != null) {
            return true;
        }
        return MEDIA_TYPE.matcher(value).matches() && VALID.remember(value, Boolean.TRUE);
    }

    /** True for {@code type/json} and {@code type/something+json}, any case, parameters ignored. */
    public static boolean isJson(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        int semicolon = mediaType.indexOf(';');
        String essence = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String subtype = essence.substring(slash + 1);
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
