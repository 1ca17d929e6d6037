"""load(): inputs, folders, bad files, outlet precedence, ids, strict mode, problems."""

from __future__ import annotations

import hashlib
import os

import pytest

from mediacompare.errors import InputError, NothingUsableError
from mediacompare.ingest import OUTLET_RULES, load
from mediacompare.model import Article, Corpus

TEXT = "Troops crossed the river at dawn, officials said. The bridge was destroyed."


def write(path, text=TEXT, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode == "wb":
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    """corpus/ with outlet subfolders, a hidden file, an unknown extension and a nested file."""
    root = tmp_path / "corpus"
    write(root / "planet" / "b.txt")
    write(root / "planet" / "a.txt", "Source: Daily Planet\n\n" + TEXT)
    write(root / "star" / "deep" / "c.txt")
    write(root / "top.txt")
    write(root / "star" / "notes.docx", "not an article")
    write(root / ".hidden.txt")
    write(root / ".git" / "x.txt")
    write(root / "README.md", "# About this corpus\n\nCollected in 2023 for a class.")
    write(root / "star" / "PROVENANCE.md", "Source: somewhere")
    return root


# --------------------------------------------------------------------------- folders and ids


def test_folder_is_walked_recursively_in_sorted_order(folder):
    corpus = load(folder)
    assert [a.id for a in corpus] == [
        "corpus/top",
        "corpus/planet/a",
        "corpus/planet/b",
        "corpus/star/deep/c",
    ]
    assert corpus.problems == ()  # hidden, documentation, unknown extensions in folders: silent
    assert [(a.outlet, a.outlet_rule) for a in corpus] == [
        ("corpus", "directory"),
        ("Daily Planet", "metadata"),
        ("planet", "directory"),
        ("deep", "directory"),
    ]
    assert corpus[1].source == os.path.join(str(folder), "planet", "a.txt")


def test_documentation_file_named_explicitly_is_read(folder):
    (readme,) = load(folder / "README.md")
    assert readme.title == "About this corpus"


def test_single_file_id_is_its_stem_and_duplicates_get_suffixes(tmp_path):
    a = write(tmp_path / "x" / "story.txt")
    b = write(tmp_path / "y" / "story.md")
    c = write(tmp_path / "z" / "story.txt")
    corpus = load([a, b, c])
    assert [x.id for x in corpus] == ["story", "story-2", "story-3"]
    assert corpus[1].warnings[-1] == "id 'story' already used; renamed to 'story-2'"
    assert load([a, b, c]) == corpus  # deterministic


def test_same_file_twice_is_read_once(tmp_path):
    a = write(tmp_path / "a.txt")
    corpus = load([a, tmp_path, str(a)])
    assert len(corpus) == 1
    assert [p.message for p in corpus.problems] == ["given more than once; read once"] * 2


def test_empty_folder_and_folder_without_supported_files(tmp_path):
    write(tmp_path / "docs" / "a.pdf", "x")
    (tmp_path / "none").mkdir()
    write(tmp_path / "ok.txt")
    corpus = load([tmp_path / "docs", tmp_path / "none", tmp_path / "ok.txt"])
    assert [p.source for p in corpus.problems] == [str(tmp_path / "docs"), str(tmp_path / "none")]
    assert corpus.problems[0].message.startswith("no supported files in this folder")


# --------------------------------------------------------------------------- bad inputs


def test_every_bad_file_is_one_problem_and_the_rest_is_read(tmp_path):
    good = write(tmp_path / "good.txt")
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.md", "  \n\n \t\n")
    binary = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "wb")
    latin = write(
        tmp_path / "latin1.txt", "Caf\u00e9 au lait, officials said.".encode("latin-1"), "wb"
    )
    unknown = write(tmp_path / "report.docx", "x")
    furniture = write(
        tmp_path / "furniture.txt", "Skip to main content\nAdvertisement\nShare this article\n"
    )
    missing = tmp_path / "missing.txt"
    corpus = load([good, empty, blank, binary, latin, unknown, missing, furniture])
    assert [a.id for a in corpus] == ["good"]
    messages = {p.source: p.message for p in corpus.problems}
    assert list(messages) == [
        str(p) for p in (empty, blank, binary, latin, unknown, missing, furniture)
    ]
    assert messages[str(empty)] == "empty file; remove it or add the article text"
    assert messages[str(blank)] == "empty file; remove it or add the article text"
    assert messages[str(binary)].startswith("binary file (contains NUL bytes), not text")
    assert messages[str(latin)] == (
        "not UTF-8 text (byte 0xe9 at offset 3); re-save it as UTF-8 (e.g. iconv -f cp1252 -t utf-8)"
    )
    assert messages[str(unknown)].startswith("unknown file type '.docx'; supported: .csv")
    assert messages[str(missing)] == "no such file or directory; check the path"
    assert messages[str(furniture)].startswith("no article text left after removing page furniture")
    assert all("\n" not in str(p) for p in corpus.problems)


def test_file_without_extension_named_explicitly(tmp_path):
    path = write(tmp_path / "README")
    with pytest.raises(InputError, match=r"README: unknown file type \(no extension\)"):
        load(path, strict=True)


def test_utf8_bom_and_utf16_are_decoded(tmp_path):
    a = write(tmp_path / "bom.txt", ("\ufeffSource: Planet\n\n" + TEXT).encode("utf-8"), "wb")
    b = write(tmp_path / "u16.txt", ("Source: Star\n\n" + TEXT).encode("utf-16"), "wb")
    corpus = load([a, b])
    assert [(x.outlet, x.text) for x in corpus] == [("Planet", TEXT), ("Star", TEXT)]


def test_strict_raises_the_first_problem(tmp_path):
    good = write(tmp_path / "good.txt")
    with pytest.raises(InputError) as err:
        load([good, tmp_path / "missing.txt", write(tmp_path / "e.txt", "")], strict=True)
    assert (
        str(err.value) == f"{tmp_path / 'missing.txt'}: no such file or directory; check the path"
    )


def test_nothing_usable_lists_every_problem(tmp_path):
    with pytest.raises(NothingUsableError) as err:
        load([tmp_path / "a.txt", write(tmp_path / "b.txt", "")])
    lines = str(err.value).split("\n")
    assert lines[0] == "no usable article in the inputs (2 problems):"
    assert lines[1] == f"  {tmp_path / 'a.txt'}: no such file or directory; check the path"
    assert lines[2] == f"  {tmp_path / 'b.txt'}: empty file; remove it or add the article text"
    assert lines[3].startswith("Fix or remove the inputs listed above")


def test_no_inputs_at_all():
    with pytest.raises(NothingUsableError, match="no inputs given"):
        load([])


def test_wrong_input_type():
    with pytest.raises(TypeError, match="cannot load 'int'"):
        load(42)
    with pytest.raises(TypeError, match="cannot load 'dict'"):
        load([{"text": TEXT}])


# --------------------------------------------------------------------------- outlet precedence


def test_outlet_precedence_chain(tmp_path):
    root = tmp_path / "site"
    write(root / "explicit.txt", "Source: Ignored\n\n" + TEXT)
    write(root / "meta.txt", "Source: Daily Planet\nURL: https://www.other.com/x\n\n" + TEXT)
    write(root / "domain.txt", "URL: https://www.bbc.co.uk/news/1\n\n" + TEXT)
    write(root / "dir.txt")
    stem = write(tmp_path / "stem-name.txt")
    corpus = load([root, stem], outlets={"explicit.txt": "Named"})
    got = {a.id: (a.outlet, a.outlet_rule) for a in corpus}
    assert got == {
        "site/dir": ("site", "directory"),
        "site/domain": ("bbc.co.uk", "url domain"),
        "site/explicit": ("Named", "explicit"),
        "site/meta": ("Daily Planet", "metadata"),
        "stem-name": ("stem-name", "file stem"),
    }
    assert {rule for _, rule in got.values()} == set(OUTLET_RULES)


def test_explicit_outlet_keys_match_given_path_resolved_path_name_and_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt")
    write(tmp_path / "c.txt")
    write(tmp_path / "sub" / "d.txt")
    outlets = {
        "a.txt": "By name",
        str(tmp_path / "b.txt"): "By resolved path",
        "./c.txt": "As given",
        "sub": "By folder",
        "nowhere.txt": "Unused",
    }
    corpus = load(["a.txt", "b.txt", "./c.txt", "sub"], outlets=outlets)
    assert [(a.outlet, a.outlet_rule) for a in corpus] == [
        ("By name", "explicit"),
        ("By resolved path", "explicit"),
        ("As given", "explicit"),
        ("By folder", "explicit"),
    ]
    (problem,) = corpus.problems
    assert problem.source == "nowhere.txt"
    assert "not among the inputs" in problem.message


# --------------------------------------------------------------------------- article fields


def test_hash_language_and_date_warnings(tmp_path):
    path = write(
        tmp_path / "ru.txt",
        "Date: sometime soon\n\nМинистр заявил, что план выполняется успешно и в срок.",
    )
    (a,) = load(path)
    assert a.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert a.language == "ru" and not a.is_english
    assert a.date == "sometime soon"
    assert a.warnings == (
        "date 'sometime soon' not understood; kept as given (write dates as YYYY-MM-DD)",
        "language looks like 'ru', not English; kept but not scored",
    )


def test_articles_are_returned_as_is():
    arts = [Article(id="x", text=TEXT, outlet="A"), Article(id="x", text=TEXT, outlet="B")]
    corpus = load(arts)
    assert isinstance(corpus, Corpus)
    assert corpus.articles == tuple(arts) and corpus[0] is arts[0]
    assert load(corpus) is corpus


def test_articles_mixed_with_files_get_unique_ids(tmp_path):
    path = write(tmp_path / "x.txt")
    corpus = load([Article(id="x", text=TEXT, outlet="A"), path])
    assert [a.id for a in corpus] == ["x", "x-2"]
