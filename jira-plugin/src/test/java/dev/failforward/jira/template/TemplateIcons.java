package dev.failforward.jira.template;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the project template's pictures, {@value #ICON} and {@value #BACKGROUND}, in the plugin logo's colours: a
 * line that dips (the failure) and rises into an arrow (what was learned). Not run by the build: the PNGs are
 * committed; run it again after changing the drawing, from the repository root:
 * <pre>
 *   java jira-plugin/src/test/java/dev/failforward/jira/template/TemplateIcons.java jira-plugin/src/main/resources
 * </pre>
 * JDK only (java.awt, headless), so the single-file launcher runs it as it is.
 */
public final class TemplateIcons {

    static final String ICON = "images/template/failforward-template-icon.png";
    static final String BACKGROUND = "images/template/failforward-template-background.png";
    static final int ICON_SIZE = 48;
    static final int BACKGROUND_SIZE = 240;

    /** The plugin logo's gradient, top and bottom. */
    static final Color TEAL_TOP = new Color(0x00868B);
    static final Color TEAL_BOTTOM = new Color(0x126270);
    static final Color PALE = new Color(0xE3F2F1);

    private TemplateIcons() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "jira-plugin/src/main/resources");
        write(icon(ICON_SIZE), resources.resolve(ICON));
        write(background(BACKGROUND_SIZE), resources.resolve(BACKGROUND));
    }

    /** White dip-and-rise arrow on the logo's teal rounded square. */
    static BufferedImage icon(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image);
        double unit = size / 48.0;
        g.setPaint(new GradientPaint(0, 0, TEAL_TOP, 0, size, TEAL_BOTTOM));
        g.fill(new RoundRectangle2D.Double(0, 0, size, size, 16 * unit, 16 * unit));
        g.setColor(Color.WHITE);
        arrow(g, unit, 4.5);
        g.dispose();
        return image;
    }

    /** The same arrow, teal on a pale square with a thin teal border, for the template's information page. */
    static BufferedImage background(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image);
        double unit = size / 48.0;
        g.setColor(PALE);
        g.fill(new RoundRectangle2D.Double(0, 0, size, size, 12 * unit, 12 * unit));
        g.setColor(TEAL_TOP);
        g.setStroke(new BasicStroke((float) unit));
        g.draw(new RoundRectangle2D.Double(unit / 2, unit / 2, size - unit, size - unit, 12 * unit, 12 * unit));
        g.setPaint(new GradientPaint(0, 0, TEAL_TOP, 0, size, TEAL_BOTTOM));
        arrow(g, unit, 3.5);
        g.dispose();
        return image;
    }

    /** In a 48-unit box: from the left down into a dip, up to the top right, arrowhead at the top right. */
    private static void arrow(Graphics2D g, double unit, double width) {
        Path2D.Double line = new Path2D.Double();
        line.moveTo(9 * unit, 20 * unit);
        line.lineTo(19 * unit, 32 * unit);
        line.lineTo(37 * unit, 14 * unit);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(27 * unit, 14 * unit);
        head.lineTo(37 * unit, 14 * unit);
        head.lineTo(37 * unit, 24 * unit);
        g.setStroke(new BasicStroke((float) (width * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.draw(head);
    }

    private static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer");
        }
        System.out.println("wrote " + file + " (" + image.getWidth() + "x" + image.getHeight() + ")");
    }
}
