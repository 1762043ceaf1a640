package dev.failforward.confluence.blueprint;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the retro blueprints' pictures for Confluence's Create dialog, {@value #POSTMORTEM} and
 * {@value #EXPERIMENT_RETRO}: flat, in the plugin logo's teal on a pale ground, {@value #WIDTH}x{@value #HEIGHT} pixels
 * (the size Atlassian's blueprint guide asks of a web-item's {@code icon} resource). Both show a page with the
 * logo's dip-and-rise line (a failure, then what was learned); the post-mortem adds a timeline with one red event, the
 * experiment retro a flask. Not run by the build: the PNGs are committed; run it again after changing the drawing,
 * from the repository root:
 * <pre>
 *   java confluence-plugin/src/test/java/dev/failforward/confluence/blueprint/BlueprintIcons.java confluence-plugin/src/main/resources
 * </pre>
 * JDK only (java.awt, headless), so the single-file launcher runs it as it is.
 */
public final class BlueprintIcons {

    static final String POSTMORTEM = "images/blueprints/postmortem.png";
    static final String EXPERIMENT_RETRO = "images/blueprints/experiment-retro.png";
    static final String SHOWCASE = "images/blueprints/showcase.png";
    static final int WIDTH = 200;
    static final int HEIGHT = 150;

    /** The plugin logo's teals, its pale tint, and one warm colour for the failure. */
    static final Color TEAL = new Color(0x00868B);
    static final Color TEAL_DARK = new Color(0x126270);
    static final Color PALE = new Color(0xE3F2F1);
    static final Color LINE = new Color(0xB9DCDA);
    static final Color FAILURE = new Color(0xE5684F);

    private BlueprintIcons() {
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "confluence-plugin/src/main/resources");
        write(postmortem(), resources.resolve(POSTMORTEM));
        write(experimentRetro(), resources.resolve(EXPERIMENT_RETRO));
        write(showcase(), resources.resolve(SHOWCASE));
    }

    /** The page, and at its right a vertical timeline: three events, the middle one red. */
    static BufferedImage postmortem() {
        BufferedImage image = canvas();
        Graphics2D g = start(image);
        page(g);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(TEAL_DARK);
        g.draw(new Line2D.Double(150, 34, 150, 116));
        dot(g, 150, 40, 9, TEAL);
        dot(g, 150, 75, 11, FAILURE);
        dot(g, 150, 110, 9, TEAL);
        g.dispose();
        return image;
    }

    /** The page, and at its right a flask with teal liquid. */
    static BufferedImage experimentRetro() {
        BufferedImage image = canvas();
        Graphics2D g = start(image);
        page(g);
        Path2D.Double flask = new Path2D.Double();
        flask.moveTo(141, 34);
        flask.lineTo(141, 62);
        flask.lineTo(123, 108);
        flask.quadTo(121, 116, 129, 116);
        flask.lineTo(171, 116);
        flask.quadTo(179, 116, 177, 108);
        flask.lineTo(159, 62);
        flask.lineTo(159, 34);
        Path2D.Double liquid = new Path2D.Double();
        liquid.moveTo(131, 88);
        liquid.lineTo(169, 88);
        liquid.lineTo(177, 108);
        liquid.quadTo(179, 116, 171, 116);
        liquid.lineTo(129, 116);
        liquid.quadTo(121, 116, 123, 108);
        liquid.closePath();
        g.setColor(Color.WHITE);
        g.fill(flask);
        g.setColor(TEAL);
        g.fill(liquid);
        g.setColor(TEAL_DARK);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(flask);
        g.draw(new Line2D.Double(135, 34, 165, 34));
        dot(g, 145, 102, 4, Color.WHITE);
        dot(g, 156, 96, 3, Color.WHITE);
        g.dispose();
        return image;
    }

    /** The page, and at its right a trophy cup: the showcase celebrates the failure that taught the most. */
    static BufferedImage showcase() {
        BufferedImage image = canvas();
        Graphics2D g = start(image);
        page(g);
        Path2D.Double cup = new Path2D.Double();
        cup.moveTo(128, 36);
        cup.lineTo(172, 36);
        cup.lineTo(170, 64);
        cup.quadTo(166, 86, 150, 88);
        cup.quadTo(134, 86, 130, 64);
        cup.closePath();
        g.setColor(TEAL);
        g.fill(cup);
        g.setColor(TEAL_DARK);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(cup);
        g.draw(new java.awt.geom.Arc2D.Double(116, 42, 18, 22, 90, 180, java.awt.geom.Arc2D.OPEN));
        g.draw(new java.awt.geom.Arc2D.Double(166, 42, 18, 22, 270, 180, java.awt.geom.Arc2D.OPEN));
        g.draw(new Line2D.Double(150, 88, 150, 104));
        g.fill(new RoundRectangle2D.Double(134, 104, 32, 12, 4, 4));
        dot(g, 150, 56, 7, FAILURE);
        g.dispose();
        return image;
    }

    /** Pale ground; a white page with a teal header band, two text lines and the dip-and-rise arrow. */
    private static void page(Graphics2D g) {
        g.setColor(PALE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        RoundRectangle2D.Double sheet = new RoundRectangle2D.Double(28, 22, 80, 106, 8, 8);
        g.setColor(Color.WHITE);
        g.fill(sheet);
        g.setColor(TEAL);
        g.fill(new RoundRectangle2D.Double(28, 22, 80, 18, 8, 8));
        g.fillRect(28, 32, 80, 8);
        g.setColor(LINE);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(40, 52, 96, 52));
        g.draw(new Line2D.Double(40, 62, 84, 62));
        g.setColor(TEAL_DARK);
        g.setStroke(new BasicStroke(2f));
        g.draw(sheet);
        Path2D.Double line = new Path2D.Double();
        line.moveTo(40, 84);
        line.lineTo(56, 104);
        line.lineTo(92, 76);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(78, 76);
        head.lineTo(92, 76);
        head.lineTo(92, 90);
        g.setColor(TEAL);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.draw(head);
    }

    private static void dot(Graphics2D g, double x, double y, double radius, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    private static BufferedImage canvas() {
        return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
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
