package dev.tack.tui;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A picture of an X screen as X's own dump format stores it (XWD, the format of {@code xwd} and of
 * the frame buffer {@code Xvfb -fbdir} keeps in a file): read as 0xRRGGBB pixels. Only the
 * TrueColor layouts a 24-bit Xvfb screen uses are read; anything else is refused, not guessed.
 */
record XwdImage(int width, int height, int[] pixels) {

    int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    static XwdImage read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN); // the header is big-endian
        int headerSize = b.getInt(0);
        int version = b.getInt(4);
        int width = b.getInt(16);
        int height = b.getInt(20);
        int byteOrder = b.getInt(28);
        int bitsPerPixel = b.getInt(44);
        int bytesPerLine = b.getInt(48);
        int redMask = b.getInt(56);
        int greenMask = b.getInt(60);
        int blueMask = b.getInt(64);
        int colours = b.getInt(76);
        if (version != 7 || bitsPerPixel != 32 || redMask != 0xff0000 || greenMask != 0xff00 || blueMask != 0xff) {
            throw new IOException("not a 24-bit TrueColor XWD picture: version " + version + ", " + bitsPerPixel + " bits a pixel");
        }
        int start = headerSize + 12 * colours; // the colour map entries come before the pixels
        b.order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = b.getInt(start + y * bytesPerLine + 4 * x) & 0xffffff;
            }
        }
        return new XwdImage(width, height, pixels);
    }
}
