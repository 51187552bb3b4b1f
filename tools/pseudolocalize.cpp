// Makes the pseudo-locale the tests switch the app to: a copy of a Qt Linguist catalogue (.ts)
// whose every translation is its source with each ASCII letter accented and a third longer,
// between brackets, so that on screen any plain ASCII word is a string nobody translated, and
// text that a longer language would clip shows clipped.
//
//   pseudolocalize IN.ts OUT.ts
//
// Placeholders (%1, %L1, %n), HTML tags and entities, and a mnemonic's & are kept as they are.

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString accented(const QString &source)
{
    static const QString from = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
    static const QString to = u"ȧƀçđëƒĝĥïĵķĺɱñöþǫŕšŧüṽŵẋÿžȦƁÇĐËƑĜĤÏĴĶĹṀÑÖÞǪŔŠŦÜṼŴẊŸŽ"_s;
    QString out;
    out.reserve(source.size() * 2);
    int letters = 0;
    for (qsizetype i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        // Kept: %1 %L1 %n, <tags>, &entities; (not "& " or "&X", a mnemonic: its letter is
        // accented like the rest, so the shortcut is still there).
        if (c == u'%' && i + 1 < source.size()
            && (source.at(i + 1).isDigit() || source.at(i + 1) == u'n'
                || source.at(i + 1) == u'L')) {
            qsizetype end = i + 1;
            if (source.at(end) == u'L')
                ++end;
            while (end < source.size() && (source.at(end).isDigit() || source.at(end) == u'n')) {
                ++end;
                if (source.at(end - 1) == u'n')
                    break;
            }
            out += source.mid(i, end - i);
            i = end - 1;
            continue;
        }
        if (c == u'<') {
            const qsizetype end = source.indexOf(u'>', i);
            if (end > i) {
                out += source.mid(i, end - i + 1);
                i = end;
                continue;
            }
        }
        if (c == u'&') {
            const qsizetype end = source.indexOf(u';', i);
            if (end > i && end - i <= 8 && source.mid(i + 1, end - i - 1).isSimpleText()
                && !source.mid(i + 1, end - i - 1).contains(u' ')) {
                out += source.mid(i, end - i + 1);
                i = end;
                continue;
            }
        }
        const qsizetype index = from.indexOf(c);
        if (index >= 0) {
            out += to.at(index);
            ++letters;
        } else {
            out += c;
        }
    }
    // A third longer, as German and Finnish often are.
    const int padding = (letters + 2) / 3;
    return u"["_s + out + QString(padding, u'~') + u"]"_s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fputs("usage: pseudolocalize IN.ts OUT.ts\n", stderr);
        return 2;
    }
    QFile in(QString::fromLocal8Bit(argv[1]));
    QFile out(QString::fromLocal8Bit(argv[2]));
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "pseudolocalize: cannot open %s or %s\n", argv[1], argv[2]);
        return 1;
    }
    QXmlStreamReader reader(&in);
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeDTD(u"<!DOCTYPE TS>"_s);
    QString source;
    bool numerus = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const auto name = reader.name();
            if (name == u"TS"_s) {
                writer.writeStartElement(u"TS"_s);
                writer.writeAttribute(u"version"_s, u"2.1"_s);
                writer.writeAttribute(u"language"_s, u"en_PSEUDO"_s);
            } else if (name == u"context"_s || name == u"name"_s) {
                writer.writeStartElement(name.toString());
                if (name == u"name"_s) {
                    writer.writeCharacters(reader.readElementText());
                    writer.writeEndElement();
                }
            } else if (name == u"message"_s) {
                numerus = reader.attributes().value(u"numerus"_s) == u"yes"_s;
                writer.writeStartElement(u"message"_s);
                if (numerus)
                    writer.writeAttribute(u"numerus"_s, u"yes"_s);
            } else if (name == u"source"_s) {
                source = reader.readElementText();
                writer.writeTextElement(u"source"_s, source);
            } else if (name == u"comment"_s) {
                writer.writeTextElement(u"comment"_s, reader.readElementText());
            } else if (name == u"translation"_s) {
                reader.skipCurrentElement();
                writer.writeStartElement(u"translation"_s);
                if (numerus) {
                    // English's two forms: one, and any other number.
                    writer.writeTextElement(u"numerusform"_s, accented(source));
                    writer.writeTextElement(u"numerusform"_s, accented(source));
                } else {
                    writer.writeCharacters(accented(source));
                }
                writer.writeEndElement();
            } else {
                reader.skipCurrentElement(); // locations, extra comments
            }
        } else if (reader.isEndElement()) {
            const auto name = reader.name();
            if (name == u"TS"_s || name == u"context"_s || name == u"message"_s)
                writer.writeEndElement();
        }
    }
    if (reader.hasError()) {
        std::fprintf(stderr, "pseudolocalize: %s:%lld: %s\n", argv[1],
                     static_cast<long long>(reader.lineNumber()), qPrintable(reader.errorString()));
        return 1;
    }
    writer.writeEndDocument();
    return 0;
}
