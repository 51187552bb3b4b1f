#include "viewpage.h"

#include "views/rowfilter.h"

namespace Deltaboard {

void ViewPage::markStale()
{
    if (m_shown)
        refreshNow();
    else
        m_stale = true;
}

void ViewPage::catchUp()
{
    if (m_stale)
        refreshNow();
}

void ViewPage::refreshNow()
{
    m_stale = false;
    refresh();
}

void ViewPage::search(const QString &text)
{
    if (m_rowFilter)
        m_rowFilter->setText(text);
}

void ViewPage::setRowFilter(RowFilter *filter, const QString &hint)
{
    m_rowFilter = filter;
    m_rowFilterHint = hint;
}

} // namespace Deltaboard
