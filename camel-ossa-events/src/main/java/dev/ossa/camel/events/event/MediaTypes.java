package dev.ossa.camel.events.event;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2046 media types: syntax, and whether one declares JSON ({@code type/json} or {@code type/anything+json}).
 */
public final class MediaTypes {

    private static final String TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
    private static final String QUOTED = "\"(?:[^\"\\\\\\p{Cntrl}]|\\\\.)*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*[ \\t]*");

    private static final Pattern CHARSET_PARAMETER = Pattern.compile(
            ";[ \\t]*charset=(" + TOKEN + "|" + QUOTED + ")", Pattern.CASE_INSENSITIVE);

    /** Media types already found valid. */
    private static final CheckedValues<Boolean> VALID = new CheckedValues<>();
    /** Media types already checked, each with the charset it names. */
    private static final CheckedValues<Charset> CHARSETS = new CheckedValues<>();

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

    /**
     * The charset the media type names in its {@code charset} parameter, or UTF-8 when it names none: the charset
     * text data is encoded in. Only for media types that passed {@link #charsetProblem}.
     */
    public static Charset charset(String mediaType) {
        if (mediaType == null) {
            return StandardCharsets.UTF_8;
        }
        Charset charset = CHARSETS.get(mediaType);
        if (charset != null) {
            return charset;
        }
        String name = charsetName(mediaType);
        return CHARSETS.remember(mediaType, name == null ? StandardCharsets.UTF_8 : Charset.forName(name));
    }

    /** Why the {@code charset} parameter of a valid media type names no charset this JVM can encode, or null. */
    static String charsetProblem(String mediaType) {
        if (CHARSETS.get(mediaType) != null) {
            return null;
        }
        String name = charsetName(mediaType);
        if (name == null) {
            return null;
        }
        try {
            Charset charset = Charset.forName(name);
            if (!charset.canEncode()) {
                return "charset " + QuotedInput.quote(name) + " can only decode: name a charset text can be encoded in,"
                        + " e.g. utf-8";
            }
            CHARSETS.remember(mediaType, charset);
            return null;
        } catch (IllegalArgumentException e) {
            return "charset " + QuotedInput.quote(name) + " is unknown or not supported by this JVM: name a supported"
                    + " charset, e.g. utf-8 or iso-8859-1";
        }
    }

    /** The value of the {@code charset} parameter, unquoted, or null. */
    private static String charsetName(String mediaType) {
        if (mediaType.indexOf(';') < 0) {
            return null;
        }
        Matcher m = CHARSET_PARAMETER.matcher(mediaType);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1);
        return value.startsWith("\"") ? value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1") : value;
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
