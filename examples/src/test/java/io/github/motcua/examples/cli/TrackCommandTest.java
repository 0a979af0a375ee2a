package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.examples.pack.GiaLaiTrackingTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code track PACK DOSSIER EVENTS} on the Gia Lai land transfer sample (issue 14 item 4). */
class TrackCommandTest {
    @TempDir
    Path dir;

    @Test
    void cli_track_printsTheTimelineWithWhoIsLateAndTheApology() throws IOException {
        Path events = dir.resolve("events.json");
        Files.writeString(events, "[" + String.join(",", GiaLaiTrackingTest.SUPPLEMENT) + "]");
        Cli.Run r = Cli.run("track", Cli.GIA_LAI.toString(), Cli.DOSSIERS.resolve("dat-dai-xa-kho-khan.json").toString(),
                events.toString(), "--at", "2026-03-18T09:00:00+07:00");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("2. [xu-ly] Kiểm tra hồ sơ, gửi Phiếu chuyển thông tin để xác định nghĩa vụ tài chính"
                + " (Mẫu số 19) cho cơ quan thuế, chỉnh lý hồ sơ địa chính — Viên chức Chi nhánh Văn phòng đăng ký đất đai"), r.out());
        assertTrue(r.out().contains("1. [tiep-nhan] Tiếp nhận, kiểm tra tính đầy đủ của hồ sơ, cấp Giấy tiếp nhận hồ sơ và hẹn"
                + " trả kết quả, chuyển Chi nhánh Văn phòng đăng ký đất đai — Bộ phận Một cửa (Trung tâm Phục vụ hành chính"
                + " công nơi tiếp nhận hồ sơ) — Công chức tiếp nhận hồ sơ"), r.out());
        assertTrue(r.out().contains("hạn 17:00 17/03/2026; bắt đầu 08:00 03/03/2026; Đang xử lý — QUÁ HẠN"), r.out());
        assertTrue(r.out().contains("Chậm: Viên chức Chi nhánh Văn phòng đăng ký đất đai\n"), r.out());
        assertTrue(r.out().contains("Văn bản xin lỗi và hẹn lại ngày trả kết quả; ngày hẹn mới: 17:00 27/03/2026"), r.out());
        Files.writeString(events, "[{\"step\":1}]");
        Cli.Run bad = Cli.run("track", Cli.GIA_LAI.toString(), Cli.DOSSIERS.resolve("dat-dai-xa-kho-khan.json").toString(),
                events.toString());
        assertEquals(ExitCodes.BAD_DOSSIER, bad.code(), bad.out());
    }
}
