package dev.failforward.preview;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The preview's {@link PageBuilderService}: what a plugin servlet requires while it handles a request is collected for
 * that request, and {@link #decorated(Servlet)} writes the tags into the page's head afterwards, as Jira's decorator
 * ({@code <meta name="decorator" content="atl.admin">}) does with the page's web resources.
 */
final class PreviewPageBuilder implements PageBuilderService {

    private final PluginResources plugins;
    private final ThreadLocal<RequiredWebResources> current = new ThreadLocal<>();

    PreviewPageBuilder(PluginResources plugins) {
        this.plugins = plugins;
    }

    @Override
    public WebResourceAssembler assembler() {
        RequiredWebResources page = current.get();
        if (page == null) {
            throw new IllegalStateException("a web resource was required outside a page request");
        }
        RequiredResources resources = new RequiredResources() {
            @Override
            public RequiredResources requireWebResource(String moduleCompleteKey) {
                page.require(moduleCompleteKey);
                return this;
            }
        };
        return () -> resources;
    }

    /** The plugin servlet with the page decoration around it. */
    Servlet decorated(Servlet servlet) {
        return new Decorated(servlet);
    }

    private final class Decorated extends HttpServlet {

        private final Servlet servlet;

        Decorated(Servlet servlet) {
            this.servlet = servlet;
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            servlet.init(config);
        }

        @Override
        public void destroy() {
            servlet.destroy();
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            RequiredWebResources page = new RequiredWebResources(plugins);
            current.set(page);
            Buffered buffered = new Buffered(response);
            try {
                servlet.service(request, buffered);
            } finally {
                current.remove();
            }
            buffered.writeTo(response, page);
        }

        @Override
        public String toString() {
            return servlet.getClass().getName();
        }
    }

    /** The servlet's page, held back until the decorator has written the head. */
    private static final class Buffered extends HttpServletResponseWrapper {

        private final CharArrayWriter chars = new CharArrayWriter();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(chars);
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking output only");
                    }

                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }
                };
            }
            return stream;
        }

        @Override
        public void flushBuffer() {
            // held back until the page is decorated
        }

        void writeTo(HttpServletResponse response, RequiredWebResources page) throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (response.isCommitted() && chars.size() == 0 && bytes.size() == 0) {
                return; // a redirect or an error page
            }
            String contentType = getContentType();
            boolean html = contentType != null && contentType.startsWith("text/html");
            if (chars.size() > 0) {
                String body = html ? page.decorate(chars.toString()) : chars.toString();
                response.getWriter().write(body);
            } else if (bytes.size() > 0) {
                if (html) {
                    Charset charset = getCharacterEncoding() == null ? StandardCharsets.ISO_8859_1
                            : Charset.forName(getCharacterEncoding());
                    response.getOutputStream().write(page.decorate(bytes.toString(charset)).getBytes(charset));
                } else {
                    bytes.writeTo(response.getOutputStream());
                }
            }
        }
    }
}
