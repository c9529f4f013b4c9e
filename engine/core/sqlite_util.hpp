#pragma once
// The few SQLite helpers the store's files share (progress_store.cpp,
// review_store.cpp): errors as exceptions, prepared statements and
// transactions as RAII. Internal to engine/core; nothing outside the store
// includes it.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

#include "progress_store.hpp"

namespace trustdaily::core {

// An SQLite error, with the system's errno when SQLite had one.
struct ProgressStore::Failure {
  int code = 0;  // extended result code
  int sysErrno = 0;
  std::string message;
};

namespace sqlite_util {

using Failure = ProgressStore::Failure;

[[noreturn]] inline void fail(sqlite3* db, int rc) {
  Failure f;
  f.code = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  if ((f.code & 0xff) != (rc & 0xff)) f.code = rc;
  f.sysErrno = db != nullptr ? sqlite3_system_errno(db) : 0;
  f.message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw f;
}

inline void exec(sqlite3* db, const char* sql) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db, rc);
}

// A prepared statement that throws Failure on any error.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc);
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, const std::string& v) {
    check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Stmt& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(st_, i, v));
    return *this;
  }
  Stmt& bind(int i, double v) {
    check(sqlite3_bind_double(st_, i, v));
    return *this;
  }
  Stmt& bind(int i, const std::optional<std::string>& v) {
    if (v) return bind(i, *v);
    check(sqlite3_bind_null(st_, i));
    return *this;
  }
  template <typename T>
  Stmt& bind(int i, const std::optional<T>& v) {
    if (v) return bind(i, static_cast<std::int64_t>(*v));
    check(sqlite3_bind_null(st_, i));
    return *this;
  }
  // True for a row, false when done.
  bool step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc);
  }
  void run() {
    while (step()) {
    }
  }
  void reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  bool isNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
  int small(int col) const { return static_cast<int>(sqlite3_column_int64(st_, col)); }
  double real(int col) const { return sqlite3_column_double(st_, col); }
  std::optional<int> optional(int col) const {
    return isNull(col) ? std::nullopt : std::optional<int>(small(col));
  }
  std::string text(int col) const {
    const unsigned char* t = sqlite3_column_text(st_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail(db_, rc);
  }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

// BEGIN IMMEDIATE takes the write lock before the first read, so a
// read-modify-write never works from a stale snapshot: in WAL mode a
// deferred transaction that reads, then writes, fails with SQLITE_BUSY at
// once when another process wrote meanwhile (waiting cannot help it).
class Transaction {
 public:
  Transaction(sqlite3* db, bool write) : db_(db) { exec(db, write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    exec(db_, "COMMIT");
    open_ = false;
  }

 private:
  sqlite3* db_;
  bool open_ = true;
};

}  // namespace sqlite_util
}  // namespace trustdaily::core
