package redline.model;

/** A negotiating party: a short code ({@code RU}), its name and its rule file. */
public record Party(String code, String name, String file) implements java.io.Serializable {}
