from desktop.logs import rotate


def test_rotation_keeps_five_files(tmp_path):
    log_file = tmp_path / "nettverkslogg.log"
    for round_ in range(8):
        log_file.write_text(f"runde {round_}\n" + "x" * 200)
        rotate(log_file, max_bytes=100, keep=5)
    assert not log_file.exists()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [f"nettverkslogg.log.{n}" for n in range(1, 6)]
    assert (tmp_path / "nettverkslogg.log.1").read_text().startswith("runde 7")


def test_small_file_is_left_alone(tmp_path):
    log_file = tmp_path / "nettverkslogg.log"
    log_file.write_text("kort")
    rotate(log_file, max_bytes=100)
    assert log_file.read_text() == "kort"
