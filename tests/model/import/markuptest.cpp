// Tables of tracker rich text and the Markdown it becomes, a real Jira export's descriptions
// among them, plus hostile input that must finish quickly without recursion.
#include "testmain.h"

#include "markup.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using namespace Deltaboard::Import;

namespace {

// Long inputs must finish well inside this (linear time); a quadratic pass over a megabyte
// would not finish at all, so the bound is loose enough for a loaded machine.
constexpr qint64 kSlowMs = 10000;

// Markdown from any converter, read again by any of them, does not change: importing a record
// twice, or text that was Markdown already, must not corrupt it.
void verifyStable(const QString &markdown)
{
    QCOMPARE(Markup::fromHtml(markdown), markdown);
    QCOMPARE(Markup::fromTextile(markdown), markdown);
    QCOMPARE(Markup::fromTracWiki(markdown), markdown);
}

} // namespace

class MarkupTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldConvertHtml_data();
    void shouldConvertHtml();
    void shouldConvertRealJiraDescriptions_data();
    void shouldConvertRealJiraDescriptions();
    void shouldConvertTextile_data();
    void shouldConvertTextile();
    void shouldConvertTracWiki_data();
    void shouldConvertTracWiki();
    void shouldKeepTextWithoutMarkup_data();
    void shouldKeepTextWithoutMarkup();
    void shouldKeepItsOwnOutput_data();
    void shouldKeepItsOwnOutput();
    void shouldFinishHostileInputQuickly_data();
    void shouldFinishHostileInputQuickly();
};

void MarkupTest::shouldConvertHtml_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("paragraphs") << u"<p>one</p><p>two</p>"_s << u"one\n\ntwo"_s;
    QTest::newRow("whitespace collapsed")
        << u"<p>  a \n\t b   </p>\n\n<p> c</p>  "_s << u"a b\n\nc"_s;
    QTest::newRow("line break") << u"<p>a<br/>b<br>c</p>"_s << u"a\\\nb\\\nc"_s;
    QTest::newRow("two line breaks") << u"<p>a<br/><br/>b</p>"_s << u"a\n\nb"_s;
    QTest::newRow("bold and italics")
        << u"<p><b>b</b> <strong>s</strong> <i>i</i> <em>e</em></p>"_s << u"**b** **s** _i_ _e_"_s;
    QTest::newRow("markers hug the text") << u"<p>a<b> bold </b>c</p>"_s << u"a **bold** c"_s;
    QTest::newRow("empty bold leaves nothing") << u"<p>a<b></b> <b> </b>c</p>"_s << u"a c"_s;
    QTest::newRow("nested bold once") << u"<b><b>x</b> y</b>"_s << u"**x y**"_s;
    QTest::newRow("overlapping styles nest") << u"<b>a<i>b</b>c</i>"_s << u"**a_b_**_c_"_s;
    QTest::newRow("inline code") << u"<p>run <tt>make</tt> or <code>ninja</code></p>"_s
                                 << u"run `make` or `ninja`"_s;
    QTest::newRow("code with backticks")
        << u"<tt>a`b</tt> <code>`x`</code>"_s << u"``a`b`` `` `x` ``"_s;
    QTest::newRow("namespaced tags") << u"<p>a<o:p></o:p> <ac:macro>b</ac:macro></p>"_s << u"a b"_s;
    QTest::newRow("no markers in code") << u"<code>a <b>b</b></code>"_s << u"`a b`"_s;
    QTest::newRow("strike") << u"<del>gone</del> <s>x</s>"_s << u"~~gone~~ ~~x~~"_s;
    QTest::newRow("link")
        << uR"(<a href="https://x.org/p" class="external-link" rel="nofollow">label</a>)"_s
        << u"[label](https://x.org/p)"_s;
    QTest::newRow("link with query and ampersands")
        << uR"(<a href="https://x.org/s?a=1&amp;b=2&amp;c=%20">search</a>)"_s
        << u"[search](https://x.org/s?a=1&b=2&c=%20)"_s;
    QTest::newRow("link whose label is its url")
        << uR"(<a href="https://x.org/a?b=1&amp;c=2">https://x.org/a?b=1&amp;c=2</a>)"_s
        << u"<https://x.org/a?b=1&c=2>"_s;
    QTest::newRow("mail link") << uR"(<a href="mailto:a@b.org">a@b.org</a>)"_s
                               << u"<mailto:a@b.org>"_s;
    QTest::newRow("link with parentheses")
        << uR"x(<a href="https://en.wikipedia.org/wiki/C_(language)">C</a>)x"_s
        << u"[C](https://en.wikipedia.org/wiki/C_(language))"_s;
    QTest::newRow("link with unbalanced parenthesis")
        << uR"(<a href="https://x.org/a)b">x</a>)"_s << u"[x](https://x.org/a\\)b)"_s;
    QTest::newRow("link with spaces") << uR"(<a href="file:///C:/My Files/a.txt">a</a>)"_s
                                      << u"[a](<file:///C:/My Files/a.txt>)"_s;
    QTest::newRow("label with brackets")
        << uR"(<a href="https://x">[SBE] fix</a>)"_s << u"[\\[SBE\\] fix](https://x)"_s;
    QTest::newRow("link without label")
        << uR"(<p>see <a href="https://x.org"></a></p>)"_s << u"see <https://x.org>"_s;
    QTest::newRow("anchor only") << uR"(<h2><a name="Summary"></a>Summary</h2>)"_s
                                 << u"## Summary"_s;
    QTest::newRow("bold link") << uR"(<b><a href="https://x">go</a></b>)"_s
                               << u"**[go](https://x)**"_s;
    QTest::newRow("image") << uR"(<img src="https://x/a.png" alt="shot" style="b"/>)"_s
                           << u"![shot](https://x/a.png)"_s;
    QTest::newRow("image in link")
        << uR"(<a href="https://x/full.png"><img src="https://x/thumb.png"/></a>)"_s
        << u"[![](https://x/thumb.png)](https://x/full.png)"_s;
    QTest::newRow("headings") << u"<h1>One</h1><p>x</p><h3>Three</h3><h6>Six</h6>"_s
                              << u"# One\n\nx\n\n### Three\n\n###### Six"_s;
    QTest::newRow("unordered list") << u"<ul><li>a</li><li>b</li></ul>"_s << u"- a\n- b"_s;
    QTest::newRow("ordered list") << u"<ol><li>a</li><li>b</li></ol>"_s << u"1. a\n2. b"_s;
    QTest::newRow("ordered list start")
        << uR"(<ol start="9"><li>a</li><li>b</li></ol>)"_s << u"9. a\n10. b"_s;
    QTest::newRow("nested lists")
        << u"<ul><li>a<ul><li>b<ol><li>c</li><li>d</li></ol></li></ul></li><li>e</li></ul>"_s
        << u"- a\n  - b\n    1. c\n    2. d\n- e"_s;
    QTest::newRow("list between paragraphs")
        << u"<p>x</p><ul><li>a</li></ul><p>y</p>"_s << u"x\n\n- a\n\ny"_s;
    QTest::newRow("unclosed items") << u"<ul><li>a<li>b</ul>"_s << u"- a\n- b"_s;
    QTest::newRow("item outside a list") << u"<li>a</li><li>b</li>"_s << u"- a\n- b"_s;
    QTest::newRow("line break in an item") << u"<ul><li>a<br/>b</li></ul>"_s << u"- a\\\n  b"_s;
    QTest::newRow("blockquote") << u"<blockquote><p>a</p><p>b</p></blockquote><p>c</p>"_s
                                << u"> a\n>\n> b\n\nc"_s;
    QTest::newRow("quote in a quote")
        << u"<blockquote>a<blockquote>b</blockquote></blockquote>"_s << u"> a\n>\n> > b"_s;
    QTest::newRow("pre") << u"<pre>a  b\n  c</pre>"_s << u"```\na  b\n  c\n```"_s;
    QTest::newRow("pre keeps markup literal")
        << u"<pre>*x* _y_ [a](b) &lt;b&gt; &amp;amp; <b>bold</b></pre>"_s
        << u"```\n*x* _y_ [a](b) <b> &amp; bold\n```"_s;
    QTest::newRow("pre with backticks")
        << u"<pre>```\nx\n```</pre>"_s << u"````\n```\nx\n```\n````"_s;
    QTest::newRow("jira code panel")
        << uR"(<div class="code panel" style="border-width: 1px;"><div class="codeContent panelContent">
<pre class="code-java">if (a &lt; b &amp;&amp; c) {
    <span class="code-keyword">return</span> <span class="code-quote">"x"</span>;
}</pre>
</div></div><p>after</p>)"_s
        << u"```java\nif (a < b && c) {\n    return \"x\";\n}\n```\n\nafter"_s;
    QTest::newRow("jira noformat panel")
        << uR"(<div class="preformatted panel"><div class="preformattedContent panelContent">
<pre>$ make
error: *** no rule</pre>
</div></div>)"_s
        << u"```\n$ make\nerror: *** no rule\n```"_s;
    QTest::newRow("code in pre has its language")
        << uR"(<pre><code class="language-python">print(1)</code></pre>)"_s
        << u"```python\nprint(1)\n```"_s;
    QTest::newRow("pre in a heading")
        << u"<h2><pre>&lt;b&gt;</pre>title</h2>"_s << u"```\n<b>\n```\n\ntitle"_s;
    QTest::newRow("pre in a list") << u"<ul><li>run<pre>make\nmake install</pre></li></ul>"_s
                                   << u"- run\n\n  ```\n  make\n  make install\n  ```"_s;
    QTest::newRow("entities")
        << u"<p>&amp; &lt; &gt; &quot; &#39; a&nbsp;b &#8212; &#x41; &hellip;</p>"_s
        << u"& < > \" ' a b \u2014 A \u2026"_s;
    QTest::newRow("unknown entity kept")
        << u"<p>&bogus; &#xZZ; & x &#0;</p>"_s << u"&bogus; &#xZZ; & x \uFFFD"_s;
    QTest::newRow("tag as text is escaped")
        << u"<p>use &lt;b&gt; and a &lt; b -&gt; c</p>"_s << u"use \\<b> and a < b -> c"_s;
    QTest::newRow("unknown tags dropped")
        << uR"(<p><span class="x"><font color="red">red</font></span> <u>u</u> <blink>b</blink></p>)"_s
        << u"red u b"_s;
    QTest::newRow("comments and doctype")
        << u"<!DOCTYPE html><p>a<!-- <b>hidden</b> -->b</p>"_s << u"ab"_s;
    QTest::newRow("script dropped")
        << u"<p>a</p><script>alert('<b>')</script><p>b</p>"_s << u"a\n\nb"_s;
    QTest::newRow("horizontal rule") << u"<p>a</p><hr/><p>b</p>"_s << u"a\n\n---\n\nb"_s;
    QTest::newRow("table")
        << u"<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>x|y</td></tr></table><p>z</p>"_s
        << u"| a | b |\n| --- | --- |\n| 1 | x\\|y |\n\nz"_s;
    QTest::newRow("table in a list")
        << u"<ul><li>a<table><tr><th><b>h</th><th>i</b></th></tr><tr><td>1</td><td>2</td></tr>"
           "</table></li></ul>"_s
        << u"- a\n\n  | **h** | **i** |\n  | --- | --- |\n  | 1 | 2 |"_s;
    QTest::newRow("line break in a cell")
        << u"<table><tr><td>a</td></tr><tr><td><br/>b<br/>c</td></tr></table>"_s
        << u"| a |\n| --- |\n| b c |"_s;
    QTest::newRow("table cell with paragraphs")
        << u"<table><tbody><tr><td><p>a</p><p>b</p></td></tr></tbody></table>"_s
        << u"| a b |\n| --- |"_s;
    QTest::newRow("no trailing blank lines") << u"<p>a</p><p></p><br/><div> </div>"_s << u"a"_s;
    // Malformed input: read on, never lose text.
    QTest::newRow("unclosed tags") << u"<p><b>bold <i>both"_s << u"**bold _both_**"_s;
    QTest::newRow("stray closing tags")
        << u"</b></ul></blockquote></a></pre><p>a</p></li>"_s << u"a"_s;
    QTest::newRow("less-than in text") << u"<p>a < b and c<d</p>"_s << u"a < b and c\\<d"_s;
    QTest::newRow("stray greater-than") << u"<p>a > b</p> >"_s << u"a > b\n\n>"_s;
    QTest::newRow("tag without end") << u"<p>a <b class=\"x\""_s << u"a \\<b class=\"x\""_s;
    QTest::newRow("quoted greater-than in attribute")
        << uR"(<a href="https://x/?q=a>b">q</a>)"_s << u"[q](https://x/?q=a>b)"_s;
    QTest::newRow("unclosed pre") << u"<p>x</p><pre>code <b>"_s << u"x\n\n```\ncode\n```"_s;
    QTest::newRow("unclosed comment") << u"<p>a</p><!-- b"_s << u"a"_s;
    QTest::newRow("unclosed link")
        << uR"(<p><a href="https://x">label</p><p>next</p>)"_s << u"[label](https://x)\n\nnext"_s;
}

void MarkupTest::shouldConvertHtml()
{
    QFETCH(QString, html);
    QFETCH(QString, markdown);
    QCOMPARE(Markup::fromHtml(html), markdown);
    verifyStable(markdown);
}

void MarkupTest::shouldConvertRealJiraDescriptions_data()
{
    // Verbatim from tests' samples (imports/jira-xml/gojira_mongodb_resolved-recently_excerpt.xml
    // and focalboard_jira_export.xml), after XML unescaping.
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("focalboard comment")
        << u"<p><b>Kicked off&#33;</b></p>"_s << u"**Kicked off!**"_s;
    QTest::newRow("nested list with code and strike")
        << u"\n\t\t\t\t<h3><a name=\"AC\"></a>AC</h3>\n\t\t\t\t<ul>\n\t\t\t\t<li>Audit all usages "
           u"of "
           "<tt>'binary'</tt>, <tt>'latin1'</tt>, and <tt>'ascii'</tt> as encodings for "
           "constructing a node buffer.</li>\n\t\t\t\t<li>Binary\n\t\t\t\t<ul>\n\t\t\t\t<li>"
           "Within the constructor remove creating a buffer from the <tt>'binary'</tt> encoding "
           "(<tt>Buffer.from(buffer, 'binary');</tt>).</li>\n\t\t\t\t<li><font color=\"#00875A\">"
           "<b>Open question</b></font> <del>do we remove support for string inputs? Or do we "
           "want to instead change the encoding to <tt>utf8</tt>?</del> <font color=\"#DE350B\">"
           "Answer</font>: no we are going to disallow strings as input.</li>\n\t\t\t\t<li>Add a "
           "condition to detect string input and throw a meaningful message. (without this "
           "string should still crash due to the constructor only expecting Buffer inputs)</li>"
           "\n\t\t\t\t</ul>\n\t\t\t\t</li>\n\t\t\t\t<li>Remove  ISO-8859-1 string format support "
           "from Binary class methods and constructor</li>\n\t\t\t\t<li>Update tests</li>\n\t\t"
           "\t\t</ul>\n\t\t\t"_s
        << u"### AC\n\n"
           "- Audit all usages of `'binary'`, `'latin1'`, and `'ascii'` as encodings for "
           "constructing a node buffer.\n"
           "- Binary\n"
           "  - Within the constructor remove creating a buffer from the `'binary'` encoding "
           "(`Buffer.from(buffer, 'binary');`).\n"
           "  - **Open question** ~~do we remove support for string inputs? Or do we want to "
           "instead change the encoding to `utf8`?~~ Answer: no we are going to disallow strings "
           "as input.\n"
           "  - Add a condition to detect string input and throw a meaningful message. (without "
           "this string should still crash due to the constructor only expecting Buffer inputs)\n"
           "- Remove ISO-8859-1 string format support from Binary class methods and constructor\n"
           "- Update tests"_s;
    QTest::newRow("commit comment")
        << u"\n\t\t\t\t\t<p>Author: </p>\n\t\t\t\t\t{'name': 'Drew Paroski', 'email': "
           "'drew.paroski@mongodb.com', 'username': 'paroski'}\n\t\t\t\t\t<p>Message: <a "
           "href=\"https://jira.mongodb.org/browse/SERVER-79005\" title=\"[SBE] Call "
           "registerSlot() lazily for certain variables\" class=\"issue-link\" "
           "data-issue-key=\"SERVER-79005\"><del>SERVER-79005</del></a> <span "
           "class=\"error\">&#91;SBE&#93;</span> Call registerSlot() lazily for certain "
           "variables<br/>\n\t\t\t\t\tBranch: master<br/>\n\t\t\t\t\t<a "
           "href=\"https://github.com/mongodb/mongo/commit/"
           "3cda7c96c8e2c96d589babd9791778f7b66d1704\" class=\"external-link\" "
           "target=\"_blank\" rel=\"nofollow noopener\">https://github.com/mongodb/mongo/commit/"
           "3cda7c96c8e2c96d589babd9791778f7b66d1704</a></p>\n\t\t\t\t"_s
        << u"Author:\n\n"
           "{'name': 'Drew Paroski', 'email': 'drew.paroski@mongodb.com', 'username': "
           "'paroski'}\n\n"
           "Message: [~~SERVER-79005~~](https://jira.mongodb.org/browse/SERVER-79005) [SBE] Call "
           "registerSlot() lazily for certain variables\\\n"
           "Branch: master\\\n"
           "<https://github.com/mongodb/mongo/commit/3cda7c96c8e2c96d589babd9791778f7b66d1704>"_s;
    QTest::newRow("thumbnail and line breaks")
        << u"\n\t\t\t\t<p> <span class=\"image-wrap\" style=\"\"><a id=\"445321_thumb\" "
           "href=\"https://jira.mongodb.org/secure/attachment/445321/"
           "445321_image-2023-04-20-15-52-20-339.png\" title=\"image-2023-04-20-15-52-20-339.png\" "
           "file-preview-type=\"image\" file-preview-id=\"445321\" "
           "file-preview-title=\"image-2023-04-20-15-52-20-339.png\"><img "
           "src=\"https://jira.mongodb.org/secure/thumbnail/445321/_thumb_445321.png\" "
           "style=\"border: 0px solid black\" role=\"presentation\"/></a></span> <br/>\n\t\t\t\t"
           "If somebody wants to unschedule all tasks in a patch, they need to click on "
           "\"Unschedule all tasks\" in the dropdown menu. </p>\n\t\t\t"_s
        << u"[![](https://jira.mongodb.org/secure/thumbnail/445321/_thumb_445321.png)]"
           "(https://jira.mongodb.org/secure/attachment/445321/"
           "445321_image-2023-04-20-15-52-20-339.png)\\\n"
           "If somebody wants to unschedule all tasks in a patch, they need to click on "
           "\"Unschedule all tasks\" in the dropdown menu."_s;
    QTest::newRow("non-breaking space at the end")
        << u"\n\t\t\t\t\t<p>No, I don't have any strong feelings about this, I'm okay closing "
           "it. Thank you for checking!\u00A0</p>\n\t\t\t\t"_s
        << u"No, I don't have any strong feelings about this, I'm okay closing it. Thank you "
           "for checking!"_s;
    // The syntax highlighting plugin writes a <pre> per line, each in a table row: one block.
    QTest::newRow("syntax plugin table")
        << u"<p>clusters:</p>\n<p/>\n<div id=\"syntaxplugin\" class=\"syntaxplugin\" "
           "style=\"border: 1px dashed #bbb;\">\n<table cellspacing=\"0\" cellpadding=\"0\" "
           "border=\"0\" width=\"100%\">\n<tbody >\n<tr id=\"syntaxplugin_code_and_gutter\">\n"
           "<td  style=\" line-height: 1.4em !important;\">\n<pre style=\"font-size: 1em;\">"
           "<span style=\"color: black;\">&gt;&gt;&gt; client.server_info()[</span><span "
           "style=\"color: blue;\">'version'</span><span style=\"color: black;\">]</span></pre>\n"
           "</td>\n</tr>\n<tr id=\"syntaxplugin_code_and_gutter\">\n<td  style=\" line-height: "
           "1.4em !important;\">\n<pre style=\"font-size: 1em;\"><span style=\"color: blue;\">"
           "'4.2.3'</span></pre>\n</td>\n</tr>\n</tbody></table>\n</div>\n<p>On replica sets</p>"_s
        << u"clusters:\n\n```\n>>> client.server_info()['version']\n'4.2.3'\n```\n\n"
           "On replica sets"_s;
}

void MarkupTest::shouldConvertRealJiraDescriptions()
{
    QFETCH(QString, html);
    QFETCH(QString, markdown);
    QCOMPARE(Markup::fromHtml(html), markdown);
    verifyStable(markdown);
}

void MarkupTest::shouldConvertTextile_data()
{
    QTest::addColumn<QString>("textile");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("headings") << u"h1. One\n\nh3. Three"_s << u"# One\n\n### Three"_s;
    QTest::newRow("bold") << u"a *bold* b, *two words*."_s << u"a **bold** b, **two words**."_s;
    QTest::newRow("italic stays") << u"an _italic_ word"_s << u"an _italic_ word"_s;
    QTest::newRow("code") << u"run @make install@ now"_s << u"run `make install` now"_s;
    QTest::newRow("code keeps markup")
        << u"@*a* -b- \"x\":http://y@"_s << u"`*a* -b- \"x\":http://y`"_s;
    QTest::newRow("code with a backtick") << u"@a`b@"_s << u"``a`b``"_s;
    QTest::newRow("email is not code")
        << u"mail a@b.org or c@d.org"_s << u"mail a@b.org or c@d.org"_s;
    QTest::newRow("link") << u"see \"Redmine\":http://www.redmine.org/issues?a=1&b=2."_s
                          << u"see [Redmine](http://www.redmine.org/issues?a=1&b=2)."_s;
    QTest::newRow("link with title")
        << u"\"Home(the title)\":https://x.org/"_s << u"[Home](https://x.org/)"_s;
    QTest::newRow("relative link")
        << u"\"wiki\":/projects/x/wiki"_s << u"[wiki](/projects/x/wiki)"_s;
    QTest::newRow("image") << u"!image.png!"_s << u"![](image.png)"_s;
    QTest::newRow("image with alt and align")
        << u"!>https://x/a.png(Shot)!"_s << u"![Shot](https://x/a.png)"_s;
    QTest::newRow("images side by side") << u"!a.png!!b.png!"_s << u"![](a.png)![](b.png)"_s;
    QTest::newRow("markdown code spans kept")
        << u"``a `*b*` -c-`` `@d@`"_s << u"``a `*b*` -c-`` `@d@`"_s;
    QTest::newRow("image link") << u"!a.png!:https://x.org"_s << u"[![](a.png)](https://x.org)"_s;
    QTest::newRow("exclamations are not images")
        << u"Wow! Great! Done!"_s << u"Wow! Great! Done!"_s;
    QTest::newRow("strike") << u"this is -gone- now"_s << u"this is ~~gone~~ now"_s;
    QTest::newRow("hyphens are not strike") << u"pre-release, a - b, --flag, 2020-01-02"_s
                                            << u"pre-release, a - b, --flag, 2020-01-02"_s;
    QTest::newRow("issue refs") << u"fixed by #123, see #45"_s << u"fixed by #123, see #45"_s;
    QTest::newRow("bullets") << u"* a\n** b\n*** c\n* d"_s << u"- a\n  - b\n    - c\n- d"_s;
    QTest::newRow("numbered") << u"# a\n# b\n## c"_s << u"1. a\n2. b\n   1. c"_s;
    QTest::newRow("markdown headings are not numbered")
        << u"# One\n## Two\n### Three\n\n# Alone"_s << u"# One\n## Two\n### Three\n\n# Alone"_s;
    QTest::newRow("numbered then bullets") << u"# a\n#* b\n* c"_s << u"1. a\n   - b\n- c"_s;
    QTest::newRow("list items with markup")
        << u"* *bold* item\n* \"l\":http://x"_s << u"- **bold** item\n- [l](http://x)"_s;
    QTest::newRow("bold at line start is no list") << u"*bold* start"_s << u"**bold** start"_s;
    QTest::newRow("quote") << u"bq. quoted\nstill\n\nafter"_s << u"> quoted\n> still\n\nafter"_s;
    // "p." would strip the page number from "p. 42"; the prefix stays.
    QTest::newRow("paragraph prefix kept") << u"p. 42 says *so*"_s << u"p. 42 says **so**"_s;
    QTest::newRow("pre block") << u"<pre>\n*a* @b@ \"c\":http://d\n  -e-\n</pre>\nafter *x*"_s
                               << u"```\n*a* @b@ \"c\":http://d\n  -e-\n```\nafter **x**"_s;
    QTest::newRow("pre code block")
        << u"<pre><code class=\"ruby\">\ndef x\n  y\nend\n</code></pre>"_s
        << u"```ruby\ndef x\n  y\nend\n```"_s;
    QTest::newRow("one line pre") << u"<pre>x *y*</pre>"_s << u"```\nx *y*\n```"_s;
    QTest::newRow("unclosed pre") << u"<pre>\na\n*b*"_s << u"```\na\n*b*\n```"_s;
    QTest::newRow("bc block") << u"bc. x = *y*\nz\n\nafter"_s << u"```\nx = *y*\nz\n```\n\nafter"_s;
    QTest::newRow("pre paragraph") << u"pre. a *b*\n  c"_s << u"```\na *b*\n  c\n```"_s;
    QTest::newRow("numbering restarts after a heading")
        << u"# a\n# b\nh2. T\n# c\n# d"_s << u"1. a\n2. b\n## T\n1. c\n2. d"_s;
    QTest::newRow("table kept") << u"|_. a|_. b|\n|*c*|d|"_s << u"|_. a|_. b|\n|*c*|d|"_s;
    QTest::newRow("urls keep their characters")
        << u"http://x.org/-a-/*b*/_c_ and https://y.org/@d@"_s
        << u"http://x.org/-a-/*b*/_c_ and https://y.org/@d@"_s;
    QTest::newRow("link label with brackets")
        << u"\"[x]\":https://y"_s << u"[\\[x\\]](https://y)"_s;
    QTest::newRow("colour span") << u"%{color:red}alert%"_s << u"alert"_s;
    QTest::newRow("crlf lines") << u"h2. T\r\nplain\r\n"_s << u"## T\r\nplain\r\n"_s;
    QTest::newRow("malformed") << u"*unclosed @code \"label\": !x!"_s
                               << u"*unclosed @code \"label\": !x!"_s;
}

void MarkupTest::shouldConvertTextile()
{
    QFETCH(QString, textile);
    QFETCH(QString, markdown);
    QCOMPARE(Markup::fromTextile(textile), markdown);
    verifyStable(markdown);
}

void MarkupTest::shouldConvertTracWiki_data()
{
    QTest::addColumn<QString>("wiki");
    QTest::addColumn<QString>("markdown");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("headings") << u"= One =\n== Two == #anchor\n  === Three ==="_s
                              << u"# One\n## Two\n### Three"_s;
    QTest::newRow("not headings") << u"= x\n== y =\na = b =\n= =\n======= x ======="_s
                                  << u"= x\n== y =\na = b =\n= =\n======= x ======="_s;
    QTest::newRow("emphasis") << u"'''bold''' ''italic'' '''''both'''''"_s
                              << u"**bold** _italic_ **_both_**"_s;
    QTest::newRow("inline code") << u"run {{{make '''all'''}}} now"_s
                                 << u"run `make '''all'''` now"_s;
    QTest::newRow("backticks stay")
        << u"run `make ''x''` and ``a ` '''b''' ``"_s << u"run `make ''x''` and ``a ` '''b''' ``"_s;
    QTest::newRow("link with label") << u"[http://trac.edgewall.org/query?a=1&b=2 the query]"_s
                                     << u"[the query](http://trac.edgewall.org/query?a=1&b=2)"_s;
    QTest::newRow("link without label") << u"[https://x.org/a]"_s << u"<https://x.org/a>"_s;
    QTest::newRow("wiki link") << u"[wiki:WikiStart the start] [wiki:Other]"_s
                               << u"the start (wiki:WikiStart) wiki:Other"_s;
    QTest::newRow("new style link")
        << u"[[https://x.org|X]] [[wiki:Page|page]]"_s << u"[X](https://x.org) page (wiki:Page)"_s;
    QTest::newRow("bare url kept")
        << u"see http://x.org/''a''/b."_s << u"see http://x.org/''a''/b."_s;
    QTest::newRow("bold around a link")
        << u"'''see [http://x y]'''"_s << u"**see [y](http://x)**"_s;
    QTest::newRow("line break") << u"a[[BR]]b"_s << u"a\\\nb"_s;
    QTest::newRow("line break at the end") << u"a [[BR]]\nb[[BR]]"_s << u"a\nb"_s;
    QTest::newRow("image") << u"[[Image(shot.png, 50%)]]"_s << u"![](shot.png)"_s;
    QTest::newRow("other macros kept") << u"[[TOC]]"_s << u"[[TOC]]"_s;
    QTest::newRow("bullets") << u" * a\n * b\n   * c\n * d"_s << u"- a\n- b\n  - c\n- d"_s;
    QTest::newRow("numbered") << u" 1. a\n 1. b\n    a. c"_s << u"1. a\n2. b\n   1. c"_s;
    QTest::newRow("item continued") << u" * a\n   more\n\nafter"_s << u"- a\n  more\n\nafter"_s;
    QTest::newRow("line break in an item") << u" * a[[BR]]b"_s << u"- a\\\n  b"_s;
    QTest::newRow("code block") << u"{{{\n'''x''' [http://y z]\n  ''w''\n}}}"_s
                                << u"```\n'''x''' [http://y z]\n  ''w''\n```"_s;
    QTest::newRow("code block with processor")
        << u"{{{\n#!python\ndef f():\n    pass\n}}}"_s << u"```python\ndef f():\n    pass\n```"_s;
    QTest::newRow("processor on the first line") << u"{{{#!sh\nls\n}}}"_s << u"```sh\nls\n```"_s;
    QTest::newRow("nested processor blocks")
        << u"{{{#!div\n{{{\ncode\n}}}\n}}}\nafter"_s << u"```div\n{{{\ncode\n}}}\n```\nafter"_s;
    QTest::newRow("unclosed code block") << u"{{{\na\n''b''"_s << u"```\na\n''b''\n```"_s;
    QTest::newRow("code block in an item")
        << u" * a\n   {{{\n   #!sh\n   x\n     y\n   }}}"_s << u"- a\n  ```sh\n  x\n    y\n  ```"_s;
    QTest::newRow("table kept") << u"||a||'''b'''||\n||c||d||"_s << u"||a||'''b'''||\n||c||d||"_s;
    // Verbatim from the shared samples (trac-csv/tratihubis_test_tickets.csv, ticket 3).
    QTest::newRow("real ticket")
        << u"An enhancement that brings multiple improvements:\n\n * some\n * other\n * next\n"
           " * more\n * ..."_s
        << u"An enhancement that brings multiple improvements:\n\n- some\n- other\n- next\n"
           "- more\n- ..."_s;
    QTest::newRow("ticket refs and strike")
        << u"#123 and ~~gone~~ and ticket:4"_s << u"#123 and ~~gone~~ and ticket:4"_s;
    QTest::newRow("malformed") << u"'''unclosed {{{ code [http://x"_s
                               << u"'''unclosed {{{ code [http://x"_s;
}

void MarkupTest::shouldConvertTracWiki()
{
    QFETCH(QString, wiki);
    QFETCH(QString, markdown);
    QCOMPARE(Markup::fromTracWiki(wiki), markdown);
    verifyStable(markdown);
}

void MarkupTest::shouldKeepTextWithoutMarkup_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("sentence") << u"The app crashes when saving."_s;
    QTest::newRow("spacing") << u"  leading\n\n\ntrailing  \n\t tab\n"_s;
    QTest::newRow("crlf") << u"one\r\ntwo\r\n"_s;
    QTest::newRow("entities without tags") << u"AT&amp;T &lt;3 &#169; &nbsp;"_s;
    QTest::newRow("generics are not html") << u"List<T> and Map<K, V> and <none>"_s;
    QTest::newRow("comparisons") << u"if a < b && c > d then x->y"_s;
    QTest::newRow("issue refs") << u"#123 fixes #45, see ticket #7"_s;
    QTest::newRow("punctuation") << u"Wow! 50% off * not bold * and a - b - c @ home"_s;
    QTest::newRow("unicode") << u"Grüße \u2014 \U0001F600 \u00A0"_s;
    QTest::newRow("markdown") << u"# Title\n\n**bold** _it_ `code` ~~s~~ [l](https://x/?a=1&b=2)"
                                 "\n\n- a\n  - b\n\n1. one\n2. two\n\n> quote\n\n<https://x.org>"_s;
    QTest::newRow("markdown code block") << u"```\n*a* ''b'' @c@ {{{d}}} -e- <b>x</b>\n```"_s;
    QTest::newRow("markdown fences in containers")
        << u"> ```\n> <b>*x*</b> ''y''\n> ```\n\n- ```\n  <i>-z-</i> {{{w}}}\n  ```"_s;
    QTest::newRow("markdown loose list") << u"- a\n\n  1. b\n\n  - c"_s;
    QTest::newRow("markdown longer fence")
        << u"````\n```\n<p>*a*</p>\n```\n````\n`<b>` and ``<i>`x`</i>``"_s;
}

void MarkupTest::shouldKeepTextWithoutMarkup()
{
    QFETCH(QString, text);
    QCOMPARE(Markup::fromHtml(text), text);
    QCOMPARE(Markup::fromTextile(text), text);
    QCOMPARE(Markup::fromTracWiki(text), text);
}

void MarkupTest::shouldKeepItsOwnOutput_data()
{
    QTest::addColumn<QString>("html");

    QTest::newRow("mixed")
        << uR"(<h2>T</h2><p>a <b>b</b> <i>c</i> <tt>d</tt> <del>e</del> <a href="https://x/?a=1&amp;b=2">f</a></p><ul><li>g<ol><li>h</li></ol></li></ul><blockquote>q</blockquote><pre>*x* ''y'' @z@</pre>)"_s;
    QTest::newRow("escaped tag") << u"<p>&lt;b&gt;not bold&lt;/b&gt;</p>"_s;
}

void MarkupTest::shouldKeepItsOwnOutput()
{
    // Markdown from one converter, read again by any of them, does not change.
    QFETCH(QString, html);
    const QString markdown = Markup::fromHtml(html);
    QCOMPARE(Markup::fromHtml(markdown), markdown);
    QCOMPARE(Markup::fromTextile(markdown), markdown);
    QCOMPARE(Markup::fromTracWiki(markdown), markdown);
}

void MarkupTest::shouldFinishHostileInputQuickly_data()
{
    QTest::addColumn<int>("format"); // 0 html, 1 textile, 2 trac
    QTest::addColumn<QString>("input");

    constexpr int kMegabyte = 1 << 20;
    QTest::newRow("1 MB of nested <b>") << 0 << u"<b>"_s.repeated(kMegabyte / 3) + u"x"_s;
    QTest::newRow("nested lists") << 0 << u"<ul><li>x"_s.repeated(kMegabyte / 9);
    QTest::newRow("nested quotes") << 0 << u"<blockquote>x"_s.repeated(kMegabyte / 13);
    QTest::newRow("nested links") << 0 << u"<a href=\"h\">x"_s.repeated(kMegabyte / 13);
    QTest::newRow("nested tables") << 0 << u"<table><tr><td>x"_s.repeated(kMegabyte / 16);
    QTest::newRow("nested pre") << 0 << u"<pre>x"_s.repeated(kMegabyte / 6);
    QTest::newRow("less-than without end") << 0 << u"<p>"_s + u"<a "_s.repeated(kMegabyte / 3);
    QTest::newRow("unclosed quotes") << 0 << u"<p>"_s + u"<a href=\"x "_s.repeated(kMegabyte / 11);
    QTest::newRow("comment openers") << 0 << u"<p>"_s + u"<!-- "_s.repeated(kMegabyte / 5);
    QTest::newRow("ampersands") << 0 << u"<p>"_s + u"&#x&amp"_s.repeated(kMegabyte / 7);
    QTest::newRow("backtick runs of every length") << 0 << [] {
        QString text = u"<p>"_s;
        for (int i = 1; text.size() < kMegabyte; ++i)
            text += QString(i, u'`') + u" x "_s;
        return text;
    }();
    QTest::newRow("fence lines") << 0 << u"<p>x</p>\n"_s + u"```\n<b>\n"_s.repeated(kMegabyte / 8);
    QTest::newRow("textile stars") << 1 << u"*a "_s.repeated(kMegabyte / 3);
    QTest::newRow("textile list depth") << 1 << u"*"_s.repeated(kMegabyte) + u" x\n* y"_s;
    QTest::newRow("textile pre openers") << 1 << u"<pre>\n"_s.repeated(kMegabyte / 6);
    QTest::newRow("trac quotes") << 2 << u"''a "_s.repeated(kMegabyte / 4);
    QTest::newRow("trac list depth") << 2 << u" * x\n  * y\n"_s.repeated(kMegabyte / 12);
    QTest::newRow("trac deepening list") << 2 << [] {
        QString wiki;
        for (int i = 1; i < 2000; ++i)
            wiki += QString(i, u' ') + u"* x\n"_s;
        return wiki;
    }();
    QTest::newRow("textile colour openers") << 1 << u"%{"_s.repeated(kMegabyte / 2);
    QTest::newRow("textile label of spaces")
        << 1 << u"\""_s + QString(kMegabyte, u' ') + u")\":x"_s;
    QTest::newRow("trac code openers") << 2 << u"{{{ "_s.repeated(kMegabyte / 4);
    QTest::newRow("trac link openers") << 2 << u"[a:b "_s.repeated(kMegabyte / 5);
    QTest::newRow("trac new link openers") << 2 << u"[[a:b|"_s.repeated(kMegabyte / 6);
    QTest::newRow("trac image openers") << 2 << u"[[Image("_s.repeated(kMegabyte / 8);
    QTest::newRow("textile url of parentheses")
        << 1 << u"\"a\":http://x/"_s + QString(kMegabyte, u')');
    QTest::newRow("textile image of dots") << 1 << u"!"_s + u"./"_s.repeated(kMegabyte / 2);
    QTest::newRow("textile brackets") << 1 << u"["_s.repeated(kMegabyte);
    QTest::newRow("textile pre code without end")
        << 1 << u"<pre><code "_s + u"class=\""_s.repeated(kMegabyte / 7);
    QTest::newRow("trac heading of spaces") << 2 << u"= "_s + QString(kMegabyte, u' ') + u"x"_s;
    QTest::newRow("trac targets") << 2 << u"[a:b"_s.repeated(kMegabyte / 4);
    QTest::newRow("textile backtick runs") << 1 << [] {
        QString text;
        for (int i = 1; text.size() < kMegabyte; ++i)
            text += QString(i % 2000 + 1, u'`') + u" *x* "_s;
        return text;
    }();
    QTest::newRow("trac breaks") << 2 << u"[[BR]] "_s.repeated(kMegabyte / 7);
    QTest::newRow("trac block openers") << 2 << u"{{{#!div\n"_s.repeated(kMegabyte / 9);
}

void MarkupTest::shouldFinishHostileInputQuickly()
{
    QFETCH(int, format);
    QFETCH(QString, input);
    QElapsedTimer timer;
    timer.start();
    const QString markdown = format == 0   ? Markup::fromHtml(input)
                             : format == 1 ? Markup::fromTextile(input)
                                           : Markup::fromTracWiki(input);
    QVERIFY2(timer.elapsed() < kSlowMs, qPrintable(QString::number(timer.elapsed()) + u" ms"_s));
    Q_UNUSED(markdown);
}

DELTABOARD_TEST_MAIN(MarkupTest)

#include "markuptest.moc"
