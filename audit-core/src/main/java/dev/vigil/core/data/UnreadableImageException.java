package dev.vigil.core.data;

/** A file that is not a decodable image; the message is the reason shown to the user. */
public class UnreadableImageException extends Exception {
    public UnreadableImageException(String reason) {
        super(reason);
    }
}
