#include "inputfile.h"

#include <QDirIterator>
#include <QFile>

#include <algorithm>

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

namespace {

// Opens a regular file for reading, refusing anything else by name.
Result<int> openRegular(const QString &path)
{
    if (const QString why = notARegularFile(path); !why.isEmpty())
        return Error{why};
    // O_NONBLOCK: should the path have become a pipe since the look above, open() returns
    // at once instead of waiting for a writer; the type is checked again on the descriptor.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return Error{u"cannot read %1: %2"_s.arg(path, systemError(errno))};
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        const int error = errno;
        ::close(fd);
        return Error{S_ISREG(info.st_mode) ? u"cannot read %1: %2"_s.arg(path, systemError(error))
                                           : refusal(path, info.st_mode)};
    }
    return fd;
}

} // namespace

Result<QByteArray> read(const QString &path, qint64 limit, const QString &what)
{
    const auto fd = openRegular(path);
    if (!fd)
        return Error{fd.error()};
    QFile file;
    if (!file.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(*fd);
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    }
    const auto tooBig = [&](qint64 size) {
        return Error{u"%1: %2 MB is more than the %3 MB %4 may be"_s.arg(path)
                         .arg(double(size) / (1024 * 1024), 0, 'f', 1)
                         .arg(double(limit) / (1024 * 1024), 0, 'f', 0)
                         .arg(what)};
    };
    if (file.size() > limit)
        return tooBig(file.size());
    // What the file holds now, and more should it grow while being read (a file still being
    // written), never past the limit. (read(limit + 1) would reserve the whole limit up front.)
    QByteArray bytes = file.read(file.size() + 1);
    while (bytes.size() <= limit && file.error() == QFileDevice::NoError) {
        const QByteArray more = file.read(std::min<qint64>(limit + 1 - bytes.size(), 1 << 20));
        if (more.isEmpty())
            break;
        bytes += more;
    }
    if (file.error() != QFileDevice::NoError)
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    if (bytes.size() > limit)
        return tooBig(bytes.size());
    return bytes;
}

Status open(QFile &file, const QString &path)
{
    const auto fd = openRegular(path);
    if (!fd)
        return Error{fd.error()};
    if (!file.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(*fd);
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    }
    return {};
}

Result<QByteArray> head(const QString &path, qint64 bytes)
{
    const auto fd = openRegular(path);
    if (!fd)
        return Error{fd.error()};
    QFile file;
    if (!file.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(*fd);
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    }
    return file.read(bytes);
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
            return Error{u"cannot read %1: %2"_s.arg(path, errno == ENOENT ? u"a link to nothing"_s
                                                                           : systemError(errno))};
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
