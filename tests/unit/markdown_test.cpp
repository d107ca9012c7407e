// The Markdown subset the web app's Concept window draws (web/markdown.h): plain C++, so it is
// tested here natively and under node with the core's tests. Also: every section the app links
// to is found in the real docs/errors.md, read from MEMVIZ_DOCS_DIR (tests/CMakeLists.txt).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "corpus.h"
#include "markdown.h"
#include "vm/runtime_error.h"

using namespace memviz;
using namespace memviz::web;
using Kind = MarkdownBlock::Kind;

TEST_CASE("markdown: headings, paragraphs joined across lines, bullets, code blocks kept verbatim") {
    const std::string text =
        "# The errors\n"
        "\n"
        "A first paragraph\n"
        "on two lines.\n"
        "\n"
        "## Use after free\n"
        "- one bullet\n"
        "  continued\n"
        "  - nested\n"
        "* star bullet\n"
        "\n"
        "```c\n"
        "int *p = NULL;\n"
        "\n"
        "    *p = 1;   // **not** markup\n"
        "```\n"
        "After.";
    const std::vector<MarkdownBlock> blocks = parse_markdown(text);
    REQUIRE(blocks.size() == 8);
    CHECK(blocks[0] == MarkdownBlock{Kind::Heading, 1, "The errors", "the-errors", ""});
    CHECK(blocks[1] == MarkdownBlock{Kind::Paragraph, 0, "A first paragraph on two lines.", "", ""});
    CHECK(blocks[2] == MarkdownBlock{Kind::Heading, 2, "Use after free", "use-after-free", ""});
    CHECK(blocks[3] == MarkdownBlock{Kind::Bullet, 0, "one bullet continued", "", ""});
    CHECK(blocks[4] == MarkdownBlock{Kind::Bullet, 1, "nested", "", ""});
    CHECK(blocks[5] == MarkdownBlock{Kind::Bullet, 0, "star bullet", "", ""});
    CHECK(blocks[6] == MarkdownBlock{Kind::Code, 0, "int *p = NULL;\n\n    *p = 1;   // **not** markup", "", "c"});
    CHECK(blocks[7] == MarkdownBlock{Kind::Paragraph, 0, "After.", "", ""});
}

TEST_CASE("markdown: inline markup is reduced to its text") {
    CHECK(markdown_plain_text("call `free(p)` **once**") == "call free(p) once");
    CHECK(markdown_plain_text("see [Double free](#double-free) and ![a picture](x.png)") == "see Double free and a picture");
    CHECK(markdown_plain_text("``a ` b`` and \\*not bold\\*") == "a ` b and *not bold*");
    CHECK(markdown_plain_text("an unclosed `tick and [bracket") == "an unclosed `tick and [bracket");
    CHECK(markdown_plain_text("x[i] = 0;") == "x[i] = 0;");
}

TEST_CASE("markdown: anchors as GitHub makes them, repeated ones numbered") {
    CHECK(heading_anchor("Use after free") == "use-after-free");
    CHECK(heading_anchor("NULL pointer dereference") == "null-pointer-dereference");
    CHECK(heading_anchor("Out of memory (ENOMEM)") == "out-of-memory-enomem");
    CHECK(heading_anchor("The drawing's scale") == "the-drawings-scale");
    CHECK(heading_anchor("free_list and next-fit") == "free_list-and-next-fit");
    const std::vector<MarkdownBlock> blocks = parse_markdown("## Fix\n## Fix\n## `Fix`\n");
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].anchor == "fix");
    CHECK(blocks[1].anchor == "fix-1");
    CHECK(blocks[2].anchor == "fix-2");
}

TEST_CASE("markdown: a section runs to the next heading of its level or higher") {
    const std::vector<MarkdownBlock> blocks =
        parse_markdown("# Top\n## One\ntext\n### Detail\nmore\n## Two\nlast\n# Other\n");
    const auto one = markdown_section(blocks, "one");
    REQUIRE(one.size() == 4);
    CHECK(one.front().text == "One");
    CHECK(one.back().text == "more");
    const auto two = markdown_section(blocks, "two");
    REQUIRE(two.size() == 2);
    CHECK(two.back().text == "last");
    CHECK(markdown_section(blocks, "top").size() == 7);
    CHECK(markdown_section(blocks, "missing").empty());
}

TEST_CASE("markdown: docs/errors.md has a section, with a title and an example, for every concept the app links to") {
    const std::string doc = test::read_file(std::filesystem::path(MEMVIZ_DOCS_DIR) / "errors.md");
    const std::vector<MarkdownBlock> blocks = parse_markdown(doc);
    std::vector<std::string_view> anchors{vm::kLeakConcept, vm::kOutOfMemoryConcept};
    for (int k = 0; k <= static_cast<int>(vm::RuntimeErrorKind::OutputLimit); ++k) {
        anchors.push_back(vm::concept_anchor(static_cast<vm::RuntimeErrorKind>(k)));
    }
    for (const std::string_view anchor : anchors) {
        CAPTURE(anchor);
        const auto section = markdown_section(blocks, anchor);
        REQUIRE(section.size() >= 3);
        CHECK(section.front().level == 2);
        CHECK(!section.front().text.empty());
        int examples = 0;
        for (const MarkdownBlock& block : section) examples += block.kind == Kind::Code && block.language == "c";
        CHECK(examples == 1);
    }
}
