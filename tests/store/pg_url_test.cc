// The store's URL handling: which --db values mean PostgreSQL, and that messages never show a password.
#include <gtest/gtest.h>

#include "store/store.h"

namespace sitrep {
namespace {

TEST(StoreUrlTest, PostgresUrlsAreRecognised) {
  EXPECT_TRUE(store::IsPostgresUrl("postgresql://localhost/sitrep"));
  EXPECT_TRUE(store::IsPostgresUrl("postgres://u@h:5432/db"));
  EXPECT_FALSE(store::IsPostgresUrl("syria.db"));
  EXPECT_FALSE(store::IsPostgresUrl("./postgresql://x"));
  EXPECT_FALSE(store::IsPostgresUrl(""));
}

TEST(StoreUrlTest, PasswordsAreRedacted) {
  EXPECT_EQ(store::RedactUrl("postgresql://u:secret@h:5432/db"), "postgresql://u:***@h:5432/db");
  EXPECT_EQ(store::RedactUrl("postgresql://u@h/db"), "postgresql://u@h/db");
  EXPECT_EQ(store::RedactUrl("postgresql://h:5432/db"), "postgresql://h:5432/db");
  EXPECT_EQ(store::RedactUrl("postgresql:///db?host=/tmp"), "postgresql:///db?host=/tmp");
  EXPECT_EQ(store::RedactUrl("syria.db"), "syria.db");
}

TEST(StoreUrlTest, UnreachableServerIsAClearError) {
  auto db = store::Store::Open("postgresql://u:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("cannot connect to PostgreSQL"), std::string::npos) << db.status().message();
  EXPECT_EQ(db.status().message().find("secret"), std::string::npos) << db.status().message();
}

}  // namespace
}  // namespace sitrep
