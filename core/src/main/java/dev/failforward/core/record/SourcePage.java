package dev.failforward.core.record;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The page a learning was written down on, typically the Confluence retro or post-mortem it was captured from: an
 * absolute {@code http(s)} URL and the page's title. The archive links each learning to it.
 *
 * @param url   absolute {@code http} or {@code https} URL, at most {@link #URL_MAX_LENGTH} characters
 * @param title the page's title as the page showed it, at most {@link #TITLE_MAX_LENGTH} characters; blank means
 *              "no title" and is stored as {@code null}
 */
public record SourcePage(String url, String title) {

    /** Active Objects' longest bounded string column ({@code StringLength.MAX_LENGTH}, SQL Server's limit). */
    public static final int URL_MAX_LENGTH = 450;
    public static final int TITLE_MAX_LENGTH = 255;

    public SourcePage {
        Checks.text(url, URL_MAX_LENGTH, "url");
        if (!isWebUrl(url)) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL");
        }
        title = Checks.optionalText(title == null || title.isBlank() ? null : title.strip(), TITLE_MAX_LENGTH,
                "title");
    }

    /** A source page from stored columns, or {@code null} when there is none (no URL). */
    public static SourcePage ofNullable(String url, String title) {
        return url == null || url.isBlank() ? null : new SourcePage(url, title);
    }

    /** Whether the text is an absolute {@code http}/{@code https} URL with a host (no {@code javascript:} and alike). */
    public static boolean isWebUrl(String text) {
        return parse(text).isPresent();
    }

    private static Optional<URI> parse(String text) {
        if (text == null || text.isBlank() || !text.equals(text.strip())) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
            return web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
