package redline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import redline.Cli;
import redline.engine.Evaluator;
import redline.explore.Nearest;
import redline.explore.Problem;
import redline.explore.Progress;
import redline.explore.Suggestions;
import redline.load.ProposalReader;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * A real headless browser (Debian's chromium through chromedriver, driven by Selenium) works the
 * workbench page as a drafter would: starts from the 28-point plan, changes terms with the
 * controls and sees the verdicts move, applies a nearest suggestion, downloads the proposal and
 * uploads it again. Every verdict the page shows is checked against the engine, evaluated here
 * in-process, and the downloaded file against {@code redline evaluate}. Skipped only when
 * chromium is not installed (CI installs it, see {@code .ci/run}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String CASE = "us-28-point-plan";
  static final Duration WAIT = Duration.ofSeconds(45);

  static Served served;
  static ChromeDriver driver;
  static Path profile;
  static Path downloads;
  static Evaluator evaluator;
  static ProposalReader reader;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    served = new Served();
    evaluator = new Evaluator(Served.book());
    reader = new ProposalReader(Served.book().vocabulary());
    profile = Files.createTempDirectory("redline-chromium-profile");
    downloads = Files.createTempDirectory("redline-downloads");
    // the driver is named explicitly, so Selenium Manager never looks for (or downloads) one
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--user-data-dir=" + profile, "--window-size=1280,800");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (served != null) {
      served.close();
    }
    for (Path dir : new Path[] {profile, downloads}) {
      if (dir != null) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  // ---- what the page shows, and what the engine says it should show ----------------------------

  /** Per party as the page shows it: the verdict and the ids of the constraints shown as decisive. */
  record Shown(String verdict, List<String> decisive) {}

  @SuppressWarnings("unchecked")
  static Map<String, Shown> shown() {
    Object r =
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Array.from(document.querySelectorAll('#verdicts .party')).map(function (p) {"
                    + " return [p.id.substring(6), p.dataset.verdict,"
                    + "  Array.from(p.querySelectorAll('ul.decisive li')).map(function (li) { return li.dataset.constraint; })]; });");
    Map<String, Shown> out = new LinkedHashMap<>();
    for (Object row : (List<Object>) r) {
      List<Object> x = (List<Object>) row;
      out.put((String) x.get(0), new Shown((String) x.get(1), (List<String>) x.get(2)));
    }
    return out;
  }

  /** What the page must show for {@code e}: the verdict and the constraints that decide it. */
  static Map<String, Shown> expected(Evaluation e) {
    Map<String, Shown> out = new LinkedHashMap<>();
    for (PartyResult r : e.parties()) {
      List<String> ids = new ArrayList<>();
      for (ConstraintResult c : r.constraints()) {
        Kind k = c.constraint().kind();
        boolean decisive =
            switch (r.verdict()) {
              case REJECTS -> k == Kind.RED_LINE && c.status() == Status.BROKEN;
              case OBJECTS -> k == Kind.OBJECTION && c.status() == Status.BROKEN;
              case UNDETERMINED -> k != Kind.PREFERENCE && c.status() == Status.UNDETERMINED;
              case ACCEPTS -> false;
            };
        if (decisive) {
          ids.add(c.constraint().id());
        }
      }
      out.put(r.party().code(), new Shown(r.verdict().name(), ids));
    }
    return out;
  }

  /**
   * Waits until the page's draft has the terms of {@code p} and the verdicts shown are for that
   * draft, then checks that they are what the engine says about {@code p}.
   */
  static Map<String, Shown> awaitShown(Proposal p) {
    Map<String, Shown> want = expected(evaluator.evaluate(p));
    try {
      new WebDriverWait(driver, WAIT)
          .until(
              d -> {
                String draft = (String) ((JavascriptExecutor) d).executeScript("return document.getElementById('proposal-json').textContent;");
                String shownFor = d.findElement(By.id("verdicts")).getDomAttribute("data-proposal");
                return draft.equals(shownFor) && p.terms().equals(pageProposal().terms()) && want.equals(shown());
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      // a slow machine may take its time, but what the page finally shows must be the engine's answer
      assertEquals(p.terms(), pageProposal().terms(), "the page's draft never reached these terms");
      String draft = (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById('proposal-json').textContent;");
      boolean current = draft.equals(driver.findElement(By.id("verdicts")).getDomAttribute("data-proposal"));
      assertEquals(
          want,
          shown(),
          "the page does not show the engine's verdicts for "
              + p.terms()
              + (current ? "" : " (the verdicts shown are for an earlier draft; page status: `" + driver.findElement(By.id("status")).getText() + "`)"));
    }
    return want;
  }

  /** The proposal the page would download, as `redline evaluate` reads it. */
  static Proposal pageProposal() {
    String json = (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById('proposal-json').textContent;");
    ProposalReader.Result r = reader.read(json.getBytes(StandardCharsets.UTF_8), "page");
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics() + "\n" + json);
    return r.proposal();
  }

  static Proposal caseProposal() {
    return reader.read(Served.CASES.resolve(CASE + ".json"), CASE).proposal();
  }

  static void choose(String term, String option) {
    new Select(driver.findElement(By.id("ctl-" + term))).selectByValue(option);
  }

  // ---- the drafter's session -------------------------------------------------------------------

  @Test
  @Order(1)
  void aBlankProposalLeavesEveryPartyUndetermined() {
    driver.get(served.server.url());
    new WebDriverWait(driver, WAIT).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertEquals(Served.book().vocabulary().terms().size(), driver.findElements(By.cssSelector("#terms fieldset.term")).size());
    awaitShown(Proposal.of("draft", Map.of()));
    for (Shown s : shown().values()) {
      assertEquals(Verdict.UNDETERMINED.name(), s.verdict());
    }
  }

  @Test
  @Order(2)
  void everyControlHasALabelAndEveryOptionItsDescription() {
    Long unlabelled =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('input, select, button')).filter(function (e) {"
                        + " return !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim()); }).length;");
    assertEquals(0L, unlabelled, "controls without an accessible name");
    for (Term t : Served.book().vocabulary().terms().values()) {
      WebElement box = driver.findElement(By.id("term-" + t.name()));
      String legend = box.findElement(By.tagName("legend")).getAttribute("title");
      assertTrue(legend.contains(t.description()), t.name());
      for (String s : t.sources()) {
        assertTrue(legend.contains(s), t.name() + " cites " + s);
      }
      if (t.kind() == TermKind.ONE) {
        for (var o : t.options().entrySet()) {
          WebElement option = box.findElement(By.cssSelector("option[value='" + o.getKey() + "']"));
          assertEquals(o.getValue(), option.getAttribute("title"));
        }
      }
    }
  }

  /** Builds the 28-point plan from a blank proposal, control by control, with an army cap of 800,000 in peacetime. */
  @Test
  @Order(3)
  void theControlsBuildThe28PointPlanWithAnArmyCapOf800000() {
    new Select(driver.findElement(By.id("start"))).selectByValue("");
    Proposal plan = caseProposal().with("army_cap", new TermValue.Number(800_000, Map.of("peacetime", true)));
    for (Term t : Served.book().vocabulary().terms().values()) {
      TermValue v = plan.terms().get(t.name());
      if (v == null) {
        continue;
      }
      switch (t.kind()) {
        case ONE -> choose(t.name(), ((TermValue.One) v).option());
        case SET -> {
          WebElement open = driver.findElement(By.id("ctl-" + t.name() + "-open"));
          if (open.isSelected()) {
            open.click();
          }
          for (String option : t.options().keySet()) {
            WebElement box = driver.findElement(By.id("ctl-" + t.name() + "-" + option));
            if (box.isSelected() != ((TermValue.Many) v).options().contains(option)) {
              box.click();
            }
          }
        }
        case NUMBER -> {
          TermValue.Number n = (TermValue.Number) v;
          Select mode = new Select(driver.findElement(By.id("ctl-" + t.name() + "-mode")));
          if (n.value() == redline.model.Limit.NONE) {
            mode.selectByValue("none");
          } else {
            mode.selectByValue("value");
            WebElement input = driver.findElement(By.id("ctl-" + t.name()));
            input.clear();
            input.sendKeys(String.valueOf(n.value()));
          }
          for (String flag : t.flags().keySet()) {
            WebElement box = driver.findElement(By.id("ctl-" + t.name() + "-flag-" + flag));
            if (box.isSelected() != Boolean.TRUE.equals(n.flags().get(flag))) {
              box.click();
            }
          }
        }
      }
    }
    awaitShown(plan);
  }

  @Test
  @Order(4)
  void startingFromACaseShowsTheEnginesVerdicts() {
    new Select(driver.findElement(By.id("start"))).selectByValue(CASE);
    awaitShown(caseProposal());
    // a decisive constraint carries its title, stance and sources on hover
    WebElement first = driver.findElement(By.cssSelector("#party-UA ul.decisive li"));
    String id = first.getAttribute("data-constraint");
    var c = Served.book().constraint(id).orElseThrow();
    String title = first.getAttribute("title");
    assertTrue(title.contains(c.title()) && title.contains(c.stance()) && title.contains(c.sources().get(0)), title);
  }

  @Test
  @Order(5)
  void changingOneTermMovesTheNamedPartysVerdict() {
    Proposal draft = caseProposal();
    Evaluation before = evaluator.evaluate(draft);
    // the engine names a one-term change that moves some party's verdict, Ukraine's first
    String[] found = null;
    search:
    for (PartyResult party : before.parties().stream().sorted((a, b) -> a.party().code().equals("UA") ? -1 : b.party().code().equals("UA") ? 1 : 0).toList()) {
      for (Term t : Served.book().vocabulary().terms().values()) {
        if (t.kind() != TermKind.ONE || !draft.terms().containsKey(t.name())) {
          continue; // a term the case sets, so that the card can say what it was
        }
        for (String option : t.options().keySet()) {
          Proposal changed = draft.with(t.name(), new TermValue.One(option));
          Verdict after = evaluator.evaluate(changed).party(party.party().code()).orElseThrow().verdict();
          if (after != party.verdict()) {
            found = new String[] {party.party().code(), t.name(), option};
            break search;
          }
        }
      }
    }
    assertNotNull(found, "no one-term change moves any verdict of " + CASE);
    String party = found[0];
    String term = found[1];
    String was = ((TermValue.One) draft.terms().get(term)).option();
    choose(term, found[2]);
    Map<String, Shown> now = awaitShown(draft.with(term, new TermValue.One(found[2])));
    assertNotEquals(before.party(party).orElseThrow().verdict().name(), now.get(party).verdict());
    WebElement card = driver.findElement(By.id("party-" + party));
    assertTrue(card.getAttribute("class").contains("moved"), "the card says the verdict moved");
    assertTrue(card.getText().contains("was " + before.party(party).orElseThrow().verdict().name()), card.getText());
    // the comparison with the start names the term and the party
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.id("comparison")).getText().contains(term));
    assertEquals("true", driver.findElement(By.id("move-" + party)).getAttribute("data-moved"));
    choose(term, was);
    awaitShown(draft);
  }

  @Test
  @Order(6)
  void anArmyCapOf800000InPeacetimeMovesUkrainesVerdict() {
    Proposal draft = caseProposal();
    Map<String, Shown> before = expected(evaluator.evaluate(draft));
    new Select(driver.findElement(By.id("ctl-army_cap-mode"))).selectByValue("value");
    WebElement cap = driver.findElement(By.id("ctl-army_cap"));
    cap.clear();
    cap.sendKeys("800000");
    WebElement peacetime = driver.findElement(By.id("ctl-army_cap-flag-peacetime"));
    if (!peacetime.isSelected()) {
      peacetime.click();
    }
    Proposal plan800 = draft.with("army_cap", new TermValue.Number(800_000, Map.of("peacetime", true)));
    Map<String, Shown> after = awaitShown(plan800);
    assertNotEquals(before.get("UA"), after.get("UA"), "Ukraine's verdict (or what decides it) moves with the cap");
    assertEquals(plan800.terms(), pageProposal().terms());
  }

  @Test
  @Order(7)
  void applyingANearestSuggestionGivesTheVerdictsItPromised() {
    Proposal draft = pageProposal();
    List<String> parties = List.of("UA", "US", "EU", "COW");
    driver.findElement(By.id("must-RU")).click();
    assertFalse(driver.findElement(By.id("must-RU")).isSelected());
    WebElement max = driver.findElement(By.id("max-changes"));
    max.clear();
    max.sendKeys("5");
    driver.findElement(By.id("nearest")).click();
    WebElement apply = new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("apply-1")));
    // the first suggestion, as the search finds it here
    Suggestions x = Nearest.search(evaluator, Problem.of(Served.book(), new LinkedHashSet<>(parties), false), draft, 5, 5, Progress.NONE);
    assertFalse(x.suggestions().isEmpty());
    Suggestions.Suggestion first = x.suggestions().get(0);
    apply.click();
    Map<String, Shown> now = awaitShown(first.proposal());
    for (String p : parties) {
      assertNotEquals(Verdict.REJECTS.name(), now.get(p).verdict(), p + " rejects after the suggestion");
    }
    assertEquals(first.proposal().terms(), pageProposal().terms());
  }

  @Test
  @Order(8)
  void theDownloadedFileIsReportedTheSameWayByRedlineEvaluate() throws Exception {
    Map<String, Shown> page = shown();
    driver.findElement(By.id("download")).click();
    Path file = new WebDriverWait(driver, WAIT).until(d -> downloaded());
    Cli r = Cli.run("evaluate", "--rules", "rules", "--format", "json", file.toString());
    assertEquals(0, r.exit(), r.transcript());
    JsonNode verdicts = Served.JSON.readTree(r.out()).get("evaluations").get(0).get("verdicts");
    Map<String, String> cli = new LinkedHashMap<>();
    verdicts.fields().forEachRemaining(e -> cli.put(e.getKey(), e.getValue().asText()));
    Map<String, String> onPage = new LinkedHashMap<>();
    page.forEach((k, v) -> onPage.put(k, v.verdict()));
    assertEquals(cli, onPage);
    Proposal p = reader.read(file, "download").proposal();
    assertEquals(expected(evaluator.evaluate(p)), page);
    assertEquals(pageProposal().terms(), p.terms());
  }

  @Test
  @Order(9)
  void uploadingAProposalLoadsItsTerms() throws Exception {
    Path file = downloaded();
    assertNotNull(file);
    Proposal p = reader.read(file, "upload").proposal();
    new Select(driver.findElement(By.id("start"))).selectByValue("");
    awaitShown(Proposal.of("draft", Map.of()));
    driver.findElement(By.id("upload")).sendKeys(file.toAbsolutePath().toString());
    awaitShown(p);
    assertEquals(p.terms(), pageProposal().terms());
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.id("comparison")).getText().contains("No term differs"));
    // a malformed file is refused with the reader's own diagnostic, and the draft stays as it was
    Path bad = downloads.resolve("bad.json.txt");
    Files.writeString(bad, "{\"terms\": {\"nato\": \"OPEN\"}}");
    driver.findElement(By.id("upload")).sendKeys(bad.toAbsolutePath().toString());
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.id("errors")).getText().contains("unknown term `nato`"));
    assertEquals(p.terms(), pageProposal().terms());
  }

  @Test
  @Order(10)
  void theKeyboardReachesEveryControlAndChangesATerm() {
    // Tab from the top reaches the start list, a term, Nearest, Download and Upload, in page order
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); document.querySelector('a.skip').focus();");
    List<String> reached = new ArrayList<>();
    var actions = new org.openqa.selenium.interactions.Actions(driver);
    for (int i = 0; i < 400 && !reached.contains("nearest"); i++) {
      actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
      String id = (String) ((JavascriptExecutor) driver).executeScript("return document.activeElement.id;");
      reached.add(id);
    }
    for (String id : List.of("start", "download", "upload", "ctl-nato_accession", "ctl-security_guarantee-open", "ctl-army_cap-mode", "ctl-army_cap", "nearest")) {
      assertTrue(reached.contains(id), "Tab never reaches " + id + ": " + reached);
    }
    // a term changed with the arrow keys alone is evaluated like any other change
    Proposal draft = pageProposal();
    WebElement select = driver.findElement(By.id("ctl-nato_accession"));
    String before = new Select(select).getFirstSelectedOption().getAttribute("value");
    select.sendKeys(before.equals("OPEN") ? org.openqa.selenium.Keys.ARROW_DOWN : org.openqa.selenium.Keys.ARROW_UP);
    String after = new Select(select).getFirstSelectedOption().getAttribute("value");
    assertNotEquals(before, after);
    awaitShown(after.isEmpty() ? draft.with("nato_accession", null) : draft.with("nato_accession", new TermValue.One(after)));
  }

  @Test
  @Order(11)
  void theNarrowPageHasNoSidewaysScroll() {
    for (int width : new int[] {1280, 420}) {
      driver.manage().window().setSize(new Dimension(width, 800));
      Boolean fits = (Boolean) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1;");
      Object wide =
          ((JavascriptExecutor) driver)
              .executeScript(
                  "var w = document.documentElement.clientWidth + 1, out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;"
                      + " while ((n = walk.nextNode()) && out.length < 5) { var r = document.createRange(); r.selectNodeContents(n);"
                      + " if (r.getBoundingClientRect().right > w) out.push(n.parentElement.tagName + '#' + n.parentElement.id + '.' + n.parentElement.className + ' \"' + n.textContent.substring(0, 40) + '\"'); }"
                      + " Array.from(document.querySelectorAll('body *')).forEach(function (e) { if (out.length < 10 && e.getBoundingClientRect().right > w) out.push(e.tagName + '#' + e.id + '.' + e.className); });"
                      + " return out.join(', ') + ' scrollWidth ' + document.documentElement.scrollWidth + ' clientWidth ' + document.documentElement.clientWidth + ' innerWidth ' + window.innerWidth;");
      assertTrue(fits, "the page scrolls sideways at " + width + " px: " + wide);
    }
    driver.manage().window().setSize(new Dimension(1280, 800));
    java.io.File shot = driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
    try {
      Files.copy(shot.toPath(), Path.of("target/workbench-1280x800.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // a screenshot is only for people to look at
    }
  }

  @Test
  @Order(11)
  void choosingTheDayOfThePositionsJudgesTheDraftByThoseOfThatDay() {
    Select asOf = new Select(driver.findElement(By.id("as-of")));
    List<String> days = asOf.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
    assertEquals(Served.book().changeDates().stream().map(Object::toString).sorted(java.util.Comparator.reverseOrder()).toList(), days,
        "the page offers every day on which the positions change, latest first");
    String earliest = days.get(days.size() - 1);
    Proposal draft = pageProposal();
    asOf.selectByValue(earliest);
    new WebDriverWait(driver, WAIT).until(d -> earliest.equals(d.findElement(By.id("verdicts")).getDomAttribute("data-as-of")));
    Evaluator then = new Evaluator(Served.book().at(java.time.LocalDate.parse(earliest)));
    assertEquals(expected(then.evaluate(draft)), shown(), "the verdicts by the positions of " + earliest);
    asOf.selectByValue("");
    new WebDriverWait(driver, WAIT).until(d -> "".equals(d.findElement(By.id("verdicts")).getDomAttribute("data-as-of")));
    assertEquals(expected(evaluator.evaluate(draft)), shown(), "back to the latest positions");
  }

  @Test
  @Order(12)
  void theBrowserReportedNoScriptErrorAndNoPolicyViolation() {
    List<String> bad = new ArrayList<>();
    boolean sawRefusedUpload = false;
    for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
      String m = entry.getMessage();
      sawRefusedUpload |= m.contains("422");
      if (m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("TypeError") || m.contains("ReferenceError")) {
        bad.add(m);
      }
    }
    assertTrue(bad.isEmpty(), String.join("\n", bad));
    // the log is really read: the refused upload above left its 422 in it
    assertTrue(sawRefusedUpload, "the browser's log was not captured");
  }

  /** The JSON file downloaded, once complete. */
  static Path downloaded() {
    try (Stream<Path> s = Files.list(downloads)) {
      Set<Path> files = new LinkedHashSet<>(s.filter(p -> p.toString().endsWith(".json")).toList());
      return files.isEmpty() ? null : files.iterator().next();
    } catch (IOException e) {
      return null;
    }
  }
}
