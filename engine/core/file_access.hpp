#pragma once
// The player's and the author's files, read and written one way everywhere:
// bounded, non-blocking reads that refuse anything but a regular file, atomic
// writes that keep a symbolic link a link, and the XDG folder rules with
// their one documented fallback.
#include <sys/types.h>

#include <cstddef>
#include <string>

namespace trustdaily::core {

enum class ReadStatus {
  Ok,
  Missing,   // no such file (or no such folder on its way)
  NotAFile,  // a folder, named pipe, socket or device in its place
  TooLarge,  // more than the limit: only the limit plus one byte was read
  Failed,    // open or read failed (EACCES, EIO, ...)
};

struct FileRead {
  ReadStatus status = ReadStatus::Missing;
  std::string bytes;  // the content when Ok; the first limit+1 bytes when TooLarge
  std::string why;    // "is a named pipe, not a file", "cannot be read: Permission denied", ...
  int error = 0;      // errno of a failed open or read
  bool ok() const { return status == ReadStatus::Ok; }
};

// Opens without blocking (a named pipe or a device called x.json cannot hang
// the reader), checks what was opened, and reads at most `limit` + 1 bytes
// from that one descriptor (a file replaced meanwhile is read whole, the old
// one, never mixed with another).
FileRead readBounded(const std::string& path, std::size_t limit);

// What a non-regular file is, for messages: "is a directory, not a file", ...
std::string notAFileReason(mode_t mode);

// Atomic replacement of `path` by `bytes`: a temp file in the same folder,
// fsync, rename, fsync the folder. When `path` is a symbolic link the file it
// points to is replaced and the link stays as it was. Returns an empty string
// on success, else a one-line reason; the previous file stays intact on
// failure.
std::string atomicWriteFile(const std::string& path, const std::string& bytes);

// A per-user folder by the XDG Base Directory rules:
//   $XDG_DATA_HOME/trustdaily (or $XDG_CONFIG_HOME) when it is an absolute
//   path (the specification says relative values are to be ignored), else
//   $HOME/.local/share/trustdaily (or $HOME/.config) when HOME is absolute,
//   else the home folder of the account in the password database.
// With none of these there is no folder: `problem` says why and what to do,
// and nothing is saved (never the current folder).
struct UserFolder {
  std::string path;     // empty when there is none
  std::string problem;  // one line, empty when path is set
};
UserFolder userDataFolder();
UserFolder userConfigFolder();

}  // namespace trustdaily::core
