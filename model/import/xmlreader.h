#pragma once

#include "importmapping.h"
#include "records.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

#include <optional>

// Reading XML exports safely: a depth bound and no recursion, and UTF-8 checked before parsing.
namespace Deltaboard::Import {

// QXmlStreamReader with a bound on nesting: deeper markup is refused at its line (no export
// nests that deep), and the text of an element with children is gathered by a loop, where
// readElementText(IncludeChildElements) recursed once per level and overflowed the stack.
class BoundedXml
{
public:
    static constexpr int kMaxDepth = 64;

    explicit BoundedXml(QXmlStreamReader &xml)
        : m_xml(xml)
    {}

    QXmlStreamReader::TokenType next()
    {
        const QXmlStreamReader::TokenType type = m_xml.readNext();
        if (type == QXmlStreamReader::StartElement) {
            if (++m_depth > kMaxDepth)
                m_xml.raiseError(
                    QStringLiteral("elements nested deeper than %1 levels").arg(kMaxDepth));
        } else if (type == QXmlStreamReader::EndElement) {
            --m_depth;
        }
        return m_xml.tokenType();
    }

    // The current element's text, up to its end element; a child element is an error, as with
    // QXmlStreamReader::readElementText().
    QString text()
    {
        const QString value = m_xml.readElementText();
        if (!m_xml.hasError())
            --m_depth; // readElementText() read the end element
        return value;
    }

    // The current element's text with its descendants' text, in document order.
    QString flatText()
    {
        QString value;
        for (int level = 1; level > 0 && !m_xml.atEnd();) {
            switch (next()) {
            case QXmlStreamReader::StartElement: ++level; break;
            case QXmlStreamReader::EndElement: --level; break;
            case QXmlStreamReader::Characters:
            case QXmlStreamReader::EntityReference: value += m_xml.text(); break;
            default: break;
            }
        }
        return value;
    }

private:
    QXmlStreamReader &m_xml;
    int m_depth = 0;
};

// XML in UTF-8 (declared or by default) is checked before parsing: the parser reports bad
// bytes where it noticed them, not where they are.
std::optional<Error> xmlNotUtf8(const QString &path, const QByteArray &bytes,
                                const QString &expected);

} // namespace Deltaboard::Import
