#include "inputfile.h"

#include <QDirIterator>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deltaboard::InputFile {

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return u"a directory"_s;
    if (S_ISFIFO(mode))
        return u"a named pipe"_s;
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return u"a device"_s;
    if (S_ISSOCK(mode))
        return u"a socket"_s;
    return u"not a regular file"_s;
}

QString refusal(const QString &path, mode_t mode)
{
    const QString kind = kindOf(mode);
    return kind.startsWith(u"not "_s) ? u"%1 is %2"_s.arg(path, kind)
                                      : u"%1 is %2, not a file"_s.arg(path, kind);
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error)).toLower();
}

} // namespace

QString notARegularFile(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        if (errno == ENOENT)
            return u"cannot read %1: no such file"_s.arg(path);
        return u"cannot read %1: %2"_s.arg(path, systemError(errno));
    }
    if (!S_ISREG(info.st_mode))
        return refusal(path, info.st_mode);
    return {};
}

Result<QByteArray> read(const QString &path, qint64 limit, const QString &what)
{
    if (const QString why = notARegularFile(path); !why.isEmpty())
        return Error{why};
    // O_NONBLOCK: should the path have become a pipe since the look above, open() returns
    // at once instead of waiting for a writer; the type is checked again on the descriptor.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return Error{u"cannot read %1: %2"_s.arg(path, systemError(errno))};
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    }
    struct stat info = {};
    if (::fstat(fd, &info) != 0)
        return Error{u"cannot read %1: %2"_s.arg(path, systemError(errno))};
    if (!S_ISREG(info.st_mode))
        return Error{refusal(path, info.st_mode)};
    const auto tooBig = [&](qint64 size) {
        return Error{u"%1: %2 MB is more than the %3 MB %4 may be"_s.arg(path)
                         .arg(double(size) / (1024 * 1024), 0, 'f', 1)
                         .arg(double(limit) / (1024 * 1024), 0, 'f', 0)
                         .arg(what)};
    };
    if (info.st_size > limit)
        return tooBig(info.st_size);
    // The size may change while reading (a file still being written): never past the limit.
    QByteArray bytes = file.read(limit + 1);
    if (file.error() != QFileDevice::NoError)
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    if (bytes.size() > limit)
        return tooBig(bytes.size());
    return bytes;
}

Result<QStringList> filesUnder(const QString &directory)
{
    QStringList files;
    // System entries (pipes, devices, sockets, broken links) are listed too, to be refused;
    // hidden files are left out, as before.
    QDirIterator it(directory, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat info = {};
        if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
            return Error{u"cannot read %1: %2"_s.arg(
                path, errno == ENOENT ? u"a link to nothing"_s : systemError(errno))};
        }
        if (S_ISDIR(info.st_mode))
            continue;
        if (!S_ISREG(info.st_mode))
            return Error{refusal(path, info.st_mode)};
        files.append(path);
    }
    files.sort();
    return files;
}

} // namespace Deltaboard::InputFile
