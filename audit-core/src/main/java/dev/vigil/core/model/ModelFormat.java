package dev.vigil.core.model;


/** One model file format Vigil can open; {@link ModelLoader} chooses among them by the file. */
public interface ModelFormat {
    /** The format's name for people, e.g. "TorchScript". */
    String name();

    /** The file name endings this format is recognized by, e.g. ".pt". */
    java.util.List<String> extensions();

    /** Whether the file's first bytes look like this format (for files with an unusual ending). */
    boolean recognizes(byte[] head);

    Classifier open(ModelRequest request);
}
