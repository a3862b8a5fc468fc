package redline.model;

/**
 * One comparison a constraint's condition makes between a field of the proposal and a literal,
 * as Drools' expression parser reads it: {@code army_cap > 600000}, {@code security_guarantee
 * contains "NATO_ART5"}, {@code army_cap_peacetime == true}. {@code in (...)} and {@code not in
 * (...)} arrive as one comparison per listed option. Immutable.
 *
 * @param term the vocabulary term the field belongs to
 * @param field the field compared: the term itself or one of its flag fields
 * @param operator {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
 *     {@code contains}, {@code memberOf}, each possibly negated ({@code not contains})
 * @param literal the literal as the rule wrote it, without quotes ({@code Limit.NONE} for no
 *     ceiling)
 */
public record Comparison(String term, String field, String operator, String literal, Location at)
    implements java.io.Serializable {

  /** True when the field is a flag of a number term, not the term's value. */
  public boolean isFlag() {
    return !field.equals(term);
  }
}
