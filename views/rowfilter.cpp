#include "rowfilter.h"

#include "inputtext.h"

#include <QAbstractItemModel>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Deltaboard {

RowFilter::RowFilter(QTableView *table, int textColumn, std::function<qint64(int row)> deltaAt,
                     QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_column(textColumn)
    , m_deltaAt(std::move(deltaAt))
{
    QAbstractItemModel *model = table->model();
    connect(model, &QAbstractItemModel::modelReset, this, &RowFilter::apply);
    connect(model, &QAbstractItemModel::layoutChanged, this, &RowFilter::apply);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RowFilter::apply);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RowFilter::apply);
}

void RowFilter::setText(const QString &text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    apply();
}

void RowFilter::apply()
{
    const QAbstractItemModel *model = m_table->model();
    const int rows = model->rowCount();
    const qint64 id = InputText::searchedId(m_text).value_or(0);
    const bool idOnly = id && m_text.startsWith(u'#');
    const QStringList words = m_text.split(u' ', Qt::SkipEmptyParts);
    m_table->setUpdatesEnabled(false);
    m_shown = 0;
    for (int row = 0; row < rows; ++row) {
        bool match = words.isEmpty();
        if (!match && id)
            match = m_deltaAt(row) == id;
        if (!match && !idOnly) {
            const QString text = model->index(row, m_column).data().toString();
            match = std::all_of(words.begin(), words.end(), [&text](const QString &word) {
                return text.contains(word, Qt::CaseInsensitive);
            });
        }
        if (m_table->isRowHidden(row) == match)
            m_table->setRowHidden(row, !match);
        m_shown += match ? 1 : 0;
    }
    m_table->setUpdatesEnabled(true);
}

} // namespace Deltaboard
