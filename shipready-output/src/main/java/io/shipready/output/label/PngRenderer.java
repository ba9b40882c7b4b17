package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a placed label as a PNG preview, one pixel per printer dot: the QR code module for module
 * as the printer prints it, the text at the same positions in a condensed bold sans serif that
 * stands in for the printer's font 0, and a grey line on the label's edge. Works without a display.
 */
public final class PngRenderer {
  private static final Color EDGE = new Color(160, 160, 160);

  /** The printer's font 0 is a condensed face; a plain sans serif is narrowed to match. */
  private static final double CONDENSED = 0.8;

  private PngRenderer() {}

  public static byte[] render(LabelLayout layout) {
    requireNonNull(layout, "layout");
    BufferedImage image =
        new BufferedImage(layout.widthDots(), layout.heightDots(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, layout.widthDots(), layout.heightDots());
      Graphics2D content = (Graphics2D) g.create();
      try {
        // Nothing prints beyond the label; the alignment shift moves everything printed.
        content.clipRect(0, 0, layout.widthDots(), layout.heightDots());
        content.translate(layout.hShiftDots(), layout.vShiftDots());
        content.setColor(Color.BLACK);
        layout.qr().ifPresent(qr -> drawQr(content, qr));
        content.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (TextElement text : layout.texts()) {
          drawText(content, text);
        }
      } finally {
        content.dispose();
      }
      g.setColor(EDGE);
      g.drawRect(0, 0, layout.widthDots() - 1, layout.heightDots() - 1);
    } finally {
      g.dispose();
    }
    return png(image);
  }

  private static void drawQr(Graphics2D g, QrElement qr) {
    BitMatrix modules = QrSymbol.encode(qr.payload(), qr.errorCorrection(), qr.version());
    int size = qr.magnification();
    for (int row = 0; row < modules.getHeight(); row++) {
      for (int column = 0; column < modules.getWidth(); column++) {
        if (modules.get(column, row)) {
          g.fillRect(qr.x() + column * size, qr.y() + row * size, size, size);
        }
      }
    }
  }

  private static void drawText(Graphics2D g, TextElement text) {
    FontRenderContext context = g.getFontRenderContext();
    Font base = new Font(Font.SANS_SERIF, Font.BOLD, 100);
    LineMetrics metrics = base.getLineMetrics("Ag", context);
    // Size the face so that ascent plus descent fill the character height the printer uses.
    float size = 100f * text.height() / (metrics.getAscent() + metrics.getDescent());
    double narrow = CONDENSED * text.width() / text.height();
    Font font = base.deriveFont(size).deriveFont(AffineTransform.getScaleInstance(narrow, 1));
    g.setFont(font);
    float ascent = font.getLineMetrics(text.text(), context).getAscent();
    g.drawString(text.text(), (float) text.x(), text.y() + ascent);
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("this Java runtime has no PNG writer");
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toByteArray();
  }
}
