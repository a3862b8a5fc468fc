package redline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a rules folder {@code n} times the size of a given one: the vocabulary's terms copied
 * with the suffix {@code _2}, {@code _3}, ..., and every rule copied to read the copied terms
 * (rule {@code RU-05} becomes {@code RU-105}, {@code RU-205}, ...). The copies have the same
 * structure as the original, so a search over them does {@code n} times the work.
 */
public final class Generator {
  private static final Pattern RULE = Pattern.compile("(?ms)^rule \"([A-Z]{2,5})-([0-9]{2,3})\".*?^end\\s*$");

  private Generator() {}

  /** Writes {@code copies} times the rules of {@code from} into {@code to}; returns {@code to}. */
  public static Path scale(Path from, Path to, int copies) throws IOException {
    Files.createDirectories(to);
    YAMLMapper yaml = new YAMLMapper();
    ObjectNode vocabulary = (ObjectNode) yaml.readTree(from.resolve("vocabulary.yaml").toFile());
    ObjectNode terms = (ObjectNode) vocabulary.get("terms");
    List<String> names = new ArrayList<>();
    terms.fieldNames().forEachRemaining(names::add);
    ObjectNode scaled = yaml.createObjectNode();
    for (int c = 1; c <= copies; c++) {
      for (String name : names) {
        ObjectNode t = ((ObjectNode) terms.get(name)).deepCopy();
        if (c > 1 && t.has("id")) {
          t.put("id", t.get("id").asText() + "." + c);
        }
        scaled.set(c == 1 ? name : name + "_" + c, t);
      }
    }
    vocabulary.set("terms", scaled);
    yaml.writeValue(to.resolve("vocabulary.yaml").toFile(), vocabulary);
    List<Path> drls;
    try (Stream<Path> s = Files.list(from)) {
      drls = s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
    }
    Pattern words = Pattern.compile("\\b(" + String.join("|", names) + ")\\b");
    for (Path drl : drls) {
      String text = Files.readString(drl, StandardCharsets.UTF_8);
      StringBuilder out = new StringBuilder(text);
      for (int c = 2; c <= copies; c++) {
        Matcher m = RULE.matcher(text);
        while (m.find()) {
          String rule = m.group();
          int number = Integer.parseInt(m.group(2)) + (c - 1) * 100;
          String id = m.group(1) + "-" + number;
          rule = rule.replaceFirst("rule \"[A-Z]{2,5}-[0-9]{2,3}\"", "rule \"" + id + "\"");
          int when = rule.indexOf("\nwhen");
          String head = rule.substring(0, when);
          String body = words.matcher(rule.substring(when)).replaceAll("$1_" + c);
          out.append("\n").append(head).append(body).append("\n");
        }
      }
      Files.writeString(to.resolve(drl.getFileName()), out.toString(), StandardCharsets.UTF_8);
    }
    return to;
  }

  /** The terms of a proposal JSON copied to every copy of the vocabulary, as JSON text. */
  public static String scaleProposal(JsonNode proposal, int copies) {
    ObjectNode copy = proposal.deepCopy();
    ObjectNode terms = copy.putObject("terms");
    JsonNode original = proposal.get("terms");
    for (int c = 1; c <= copies; c++) {
      Iterator<Map.Entry<String, JsonNode>> it = original.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        terms.set(c == 1 ? e.getKey() : e.getKey() + "_" + c, e.getValue());
      }
    }
    return copy.toString();
  }
}
