package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The desk end to end in headless Chromium: one browser session for the class. Skipped when
 * Chromium or its driver is missing, unless {@code CI=true} (then it must run).
 *
 * <p>Expected appointments and fees are worked out by hand from the law for a fixed clock, Tuesday
 * 09/03/2027 09:00 Vietnam time (a working day outside every holiday and outside the TT 64/2025
 * half-fee window, which ends 31/12/2026).
 */
class DeskBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Instant NOW = Instant.parse("2027-03-09T02:00:00Z");

    static DeskServer desk;
    static ChromeDriverService service;
    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assumeTrue(present || "true".equals(System.getenv("CI")),
                "Chromium or chromedriver not installed at /usr/bin and CI is not true: browser tests skipped");
        desk = DeskServer.start(Path.of("packs/gia-lai"), 0, Clock.fixed(NOW, ZoneOffset.UTC));
        profile = Files.createTempDirectory("motcua-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1200,1600", "--lang=vi-VN", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (desk != null) {
            desk.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static void open(String path) {
        driver.get(desk.uri().resolve(path).toString());
    }

    static void screenshot(String name) throws IOException {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static WebElement field(String pointer) {
        return driver.findElement(By.name(pointer));
    }

    static void type(String pointer, String text) {
        WebElement e = field(pointer);
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks and waits until the next page has replaced this one. */
    static void clickAndWait(WebElement button) {
        WebElement html = driver.findElement(By.tagName("html"));
        button.click();
        // While the next document replaces this one, Chrome can answer "node does not belong to the document"
        // (a plain WebDriverException, not the StaleElementReferenceException stalenessOf expects): poll again.
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(html));
    }

    static void submit() {
        clickAndWait(driver.findElement(By.cssSelector("form.motcua-form button[type=submit]:not([name])")));
    }

    static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Fills the certified-copy request (2.000815) except the applicant's name. */
    static void fillCopyRequest(String documentName) {
        type("/tenGiayTo", documentName);
        type("/soTrang", "5");
        type("/soBan", "2");
        new Select(field("/tinhTrangBanChinh")).selectByValue("BINH_THUONG");
        new Select(driver.findElement(By.name("_unit"))).selectByValue("52-phuong-quy-nhon");
    }

    @Test
    void index_pickProcedureFromTheListGroupedByField_opensItsForm() throws IOException {
        open("");
        assertTrue(driver.findElements(By.tagName("h2")).stream().anyMatch(h -> h.getText().equals("Lĩnh vực: Chứng thực")));
        screenshot("01-danh-sach-thu-tuc");
        clickAndWait(driver.findElement(By.linkText("Chứng thực bản sao từ bản chính giấy tờ, văn bản")));
        assertEquals("Chứng thực bản sao từ bản chính giấy tờ, văn bản", text("#procedure-name"));
        assertTrue(driver.getCurrentUrl().endsWith("/thu-tuc/2.000815"));
        assertEquals("2027-03-09T09:00", driver.findElement(By.name("_receivedAt")).getAttribute("value"),
                "received-at defaults to the server clock in Vietnam time");
    }

    @Test
    void deskFiling_violationsInlineWithDataKept_thenDecisionAndPrintableReceipt() throws IOException {
        String nfd = Normalizer.normalize("Đặng Quốc Nam", Normalizer.Form.NFD);
        String nfc = Normalizer.normalize(nfd, Normalizer.Form.NFC);
        assertNotEquals(nfd, nfc);
        open("thu-tuc/2.000815");
        type("/nguoiYeuCau/hoTen", nfd);
        fillCopyRequest("");
        field("/tenGiayTo").clear();
        submit();

        // violations inline, typed data kept (and shown as NFC)
        String summary = text("form.motcua-form .error-summary");
        assertTrue(summary.contains("Vui lòng nhập Tên giấy tờ, văn bản."), summary);
        WebElement nameField = field("/tenGiayTo");
        assertEquals("true", nameField.getAttribute("aria-invalid"));
        assertEquals(nfc, field("/nguoiYeuCau/hoTen").getAttribute("value"));
        assertEquals("5", field("/soTrang").getAttribute("value"));
        assertEquals("52-phuong-quy-nhon", new Select(driver.findElement(By.name("_unit"))).getFirstSelectedOption().getAttribute("value"));
        screenshot("02-vi-pham-hien-ngay-tai-truong");

        type("/tenGiayTo", "Bằng tốt nghiệp trung học phổ thông");
        submit();

        assertEquals("ELIGIBLE", driver.findElement(By.id("eligibility")).getAttribute("data-eligibility"));
        assertEquals(nfc, text("#applicant"));
        assertEquals("Trực tiếp", text("#channel"));
        assertTrue(driver.findElements(By.cssSelector("#checklist input[type=checkbox]")).size() >= 2);
        // NĐ 23/2015 Art. 7: certified the same day; received 09:00 (before the 15:00 cut-off) on a working day
        assertEquals("17 giờ 00 phút, ngày 09/03/2027", text("#appointment"));
        // TT 226/2016 Art. 4: 2 × 2,000 đ (pages 1–2) + 3 × 1,000 đ (pages 3–5) = 7,000 đ per copy; 2 copies
        assertEquals("14.000 đồng", text("#fee-total"));
        screenshot("03-ket-qua-kiem-tra-ho-so");

        for (WebElement box : driver.findElements(By.cssSelector("#checklist input[type=checkbox]"))) {
            box.click();
        }
        clickAndWait(driver.findElement(By.id("print-receipt")));
        String page = driver.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") || page.contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), page);
        assertTrue(page.contains(nfc));
        assertTrue(page.contains("14.000 đồng"), page);
        assertTrue(page.contains("Bản chính giấy tờ, văn bản (xuất trình)") && page.contains("Bản sao cần chứng thực"), page);
        assertTrue(page.contains("17 giờ 00 phút, ngày 09/03/2027"), page);
        assertTrue(driver.findElement(By.id("print")).isDisplayed());
        screenshot("04-giay-tiep-nhan-va-hen-tra");
    }

    @Test
    void portal_sameKindOfFilingOnline_showsTheOnlineFee() throws IOException {
        open("cong-dich-vu");
        clickAndWait(driver.findElement(By.linkText("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam")));
        assertEquals("Trực tuyến", text("#channel"));
        type("/nguoiDuocCap/hoTen", "Trần Văn Bình");
        type("/nguoiDuocCap/soDinhDanh", "052090004321");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field("/nguoiDuocCap/ngaySinh"), "1990-09-02");
        driver.findElement(By.cssSelector("input[name='/nguoiDuocCap/gioiTinh'][value='MALE']")).click();
        driver.findElement(By.cssSelector("input[name='/loaiPhieu'][value='SO_1']")).click();
        type("/soPhieu", "1");
        new Select(driver.findElement(By.name("_unit"))).selectByValue("52-tthcc-quy-nhon");
        submit();

        assertEquals("Kết quả nộp hồ sơ trực tuyến", driver.findElement(By.tagName("h1")).getText(), text("main"));
        assertEquals("Trực tuyến", text("#channel"));
        assertEquals("ELIGIBLE", driver.findElement(By.id("eligibility")).getAttribute("data-eligibility"));
        // TT 244/2016 Art. 4: 200,000 đ for one card; the pack has no online reduction (none found for Gia Lai)
        assertEquals("200.000 đồng", text("#fee-total"));
        // 10 calendar days (Luật Lý lịch tư pháp Art. 48, unverified in the pack), the filing day not counted
        // (BLDS 2015 Art. 147(2)): Tuesday 09/03 + 10 days = Friday 19/03/2027, at the close of office
        assertEquals("17 giờ 00 phút, ngày 19/03/2027", text("#appointment"));
        screenshot("05-cong-dich-vu-cong");
    }

    @Test
    void scriptTypedInAField_comesOutAsInertText() throws IOException {
        String script = "<script>alert('xss')</script>";
        open("thu-tuc/2.000815");
        type("/nguoiYeuCau/hoTen", script);
        fillCopyRequest("<img src=x onerror=alert(2)>");
        submit();
        assertEquals(script, text("#applicant"), text("main"));
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertTrue(driver.findElements(By.cssSelector("main script, main img")).isEmpty());
        screenshot("06-ma-doc-khong-chay");
    }

    @Test
    void unknownProcedureUrl_showsAVietnameseNotFoundPage() throws IOException {
        open("thu-tuc/KHONG.CO.01");
        assertEquals("Không tìm thấy thủ tục", driver.findElement(By.tagName("h1")).getText());
        assertTrue(text("main").contains("[KHONG.CO.01]"));
        assertFalse(driver.getPageSource().contains("Exception"));
        screenshot("07-khong-tim-thay-thu-tuc");
    }

    /**
     * The printed pages of the page open in the browser: Chromium prints it to PDF on A4 paper with the
     * guide's own {@code @page} margins (1.2 cm top and bottom, 1.5 cm left and right), at scale 1 and
     * without shrinking, and the PDF's page tree says how many pages it has.
     */
    static int printedA4Pages() {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setPageMargin(new PageMargin(1.2, 1.2, 1.5, 1.5));
        options.setScale(1.0);
        options.setShrinkToFit(false);
        byte[] pdf = Base64.getDecoder().decode(driver.print(options).getContent());
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher tree = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b").matcher(text);
        int fromTree = -1;
        while (tree.find()) {
            fromTree = Math.max(fromTree, Integer.parseInt(tree.group(1) != null ? tree.group(1) : tree.group(2)));
        }
        int pageObjects = 0;
        Matcher page = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(text);
        while (page.find()) {
            pageObjects++;
        }
        assertTrue(fromTree > 0 || pageObjects > 0, "a PDF with no page tree: " + pdf.length + " bytes");
        return Math.max(fromTree, pageObjects);
    }

    /**
     * Issue 18 item 2: every Gia Lai guide prints on one A4 page — the hand-written procedures (the
     * land ones printed on two before) and the imported ones — and keeps what a citizen needs on it:
     * the process picture, the fees desk beside online, the papers with their conditions.
     */
    @Test
    void guide_everyGiaLaiProcedure_printsOnOneA4Page() throws IOException {
        List<String> codes = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Path.of("packs/gia-lai/procedures"))) {
            folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().forEach(codes::add);
        }
        assertTrue(codes.size() >= 30, codes.toString());
        TreeMap<String, Integer> pages = new TreeMap<>();
        for (String code : codes) {
            open("huong-dan/" + code);
            assertTrue(driver.findElements(By.cssSelector("figure.process svg")).size() == 1, code);
            pages.put(code, printedA4Pages());
        }
        TreeMap<String, Integer> over = new TreeMap<>(pages);
        over.values().removeIf(n -> n == 1);
        assertEquals(new TreeMap<>(), over, "guides printing on more than one A4 page (all: " + pages + ")");
        // what the printed land guide keeps: fees desk beside online, the conditions and the extensions in words
        open("huong-dan/1.013978");
        List<String> feeHeads = driver.findElements(By.cssSelector("table th")).stream().map(WebElement::getText).toList();
        assertTrue(feeHeads.contains("Nộp trực tiếp") && feeHeads.contains("Nộp trực tuyến"), feeHeads.toString());
        assertTrue(text("#conditions").contains("Đất đang có tranh chấp hoặc bị kê biên thì chưa giải quyết"), text("#conditions"));
        assertTrue(text("#extensions").contains("cộng thêm 10 ngày làm việc"), text("#extensions"));
        assertTrue(text("body").contains("chỉ nộp khi: Có giấy tờ về quyền sử dụng đất thì nộp giấy tờ đó"));
        screenshot("09-huong-dan-dat-dai-mot-trang");
    }

    /** Issue 18 items 2-3: the citizen guide, drawn in a real browser: the process picture and the computed years. */
    @Test
    void guide_landChange_processDrawnAsInlineSvgWithTheWaitAndComputedYearsNamed() throws IOException {
        open("");
        clickAndWait(driver.findElement(By.cssSelector("a.guide[href='/huong-dan/1.013831']")));
        WebElement svg = driver.findElement(By.cssSelector("figure.process svg"));
        assertTrue(svg.isDisplayed());
        assertTrue(svg.getSize().getHeight() > 200 && svg.getSize().getWidth() > 300, svg.getSize().toString());
        // citizen files, five internal steps of procedure.yaml (the tax authority's one not counted), citizen receives
        assertEquals(7, driver.findElements(By.cssSelector("figure.process svg rect")).size());
        String picture = svg.getText();
        assertTrue(picture.contains("Cơ quan thuế"), picture);
        assertTrue(picture.contains("Công dân nộp hồ sơ") && picture.contains("Bước 5. Trả kết quả")
                && picture.contains("Công dân nhận kết quả") && picture.contains("Công dân chờ"), picture);
        // the clock is in 2027: the pack publishes schedules for 2025 and 2026 only
        assertTrue(text("#computed-years").startsWith("Năm 2027, 2028: ngày làm việc được tính toán"), text("#computed-years"));
        assertTrue(driver.findElements(By.tagName("script")).isEmpty(), "a guide runs no script");
        assertTrue(driver.findElements(By.cssSelector("img, link, iframe, object")).isEmpty(), "a guide loads no asset");
        screenshot("08-huong-dan-so-do-quy-trinh");
    }
}
