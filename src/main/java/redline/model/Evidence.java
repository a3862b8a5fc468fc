package redline.model;

/** How a position is known: reported, written in a document, or inferred. */
public enum Evidence {
  /** Reported: the party's own statement as carried by news reporting. */
  R("reported"),
  /** Document: written into a text the party authored or signed. */
  D("document"),
  /** Inference: not stated by the party; derived from reported or documented items. */
  I("inference");

  private final String word;

  Evidence(String word) {
    this.word = word;
  }

  /** The plain word, e.g. {@code inference}. */
  public String word() {
    return word;
  }
}
