package io.shipready.device.gdb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A flash range from the memory map a probe server sends ({@code qXfer:memory-map:read}): where it
 * is and the size of its erase blocks. Writes into it go through {@code vFlashErase}, {@code
 * vFlashWrite} and {@code vFlashDone}, as GDB's {@code load} does.
 */
public record FlashArea(long start, long length, long blockSize) {
  public boolean contains(long address, long size) {
    return address >= start && address + size <= start + length;
  }

  /** The erase range covering [address, address + size), widened to whole blocks. */
  long[] eraseRange(long address, long size) {
    long block = Math.max(1, blockSize);
    long from = start + (address - start) / block * block;
    long to = start + ((address + size - start + block - 1) / block) * block;
    return new long[] {from, to - from};
  }

  /**
   * The flash areas of a GDB memory map document; RAM and ROM entries are left out.
   *
   * @throws GdbRemoteException when the document is not a memory map
   */
  static List<FlashArea> parse(String xml, Endpoint server) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // Servers send GDB's DOCTYPE line; it is allowed, but nothing outside is ever loaded.
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setExpandEntityReferences(false);
      factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
      NodeList memories =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getElementsByTagName("memory");
      List<FlashArea> areas = new ArrayList<>();
      for (int i = 0; i < memories.getLength(); i++) {
        Element memory = (Element) memories.item(i);
        if (!"flash".equals(memory.getAttribute("type"))) {
          continue;
        }
        long blockSize = 0;
        NodeList properties = memory.getElementsByTagName("property");
        for (int p = 0; p < properties.getLength(); p++) {
          Element property = (Element) properties.item(p);
          if ("blocksize".equals(property.getAttribute("name"))) {
            blockSize = number(property.getTextContent());
          }
        }
        areas.add(
            new FlashArea(
                number(memory.getAttribute("start")),
                number(memory.getAttribute("length")),
                blockSize));
      }
      return areas;
    } catch (Exception unreadable) {
      throw new GdbRemoteException(
          "the memory map from the GDB server at "
              + server
              + " cannot be read: "
              + unreadable.getMessage(),
          unreadable);
    }
  }

  private static long number(String text) {
    String t = text.strip();
    return t.startsWith("0x") || t.startsWith("0X")
        ? Long.parseUnsignedLong(t.substring(2), 16)
        : Long.parseLong(t);
  }
}
