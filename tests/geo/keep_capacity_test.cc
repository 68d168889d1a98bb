#include "geo/keep_capacity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::geo {
namespace {

TEST(ResizeKeepingTest, GrowsShrinksAndKeepsStorage) {
  std::vector<std::vector<int>> v, spare;
  ResizeKeeping(&v, &spare, 3);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_TRUE(spare.empty());
  for (auto& e : v) e.assign(100, 7);
  const int* data2 = v[2].data();
  const int* data1 = v[1].data();

  ResizeKeeping(&v, &spare, 1);  // the last two move to the spare list, storage and all
  ASSERT_EQ(v.size(), 1u);
  ASSERT_EQ(spare.size(), 2u);
  EXPECT_EQ(spare[0].data(), data2);
  EXPECT_EQ(spare[1].data(), data1);

  ResizeKeeping(&v, &spare, 4);  // taken back (most recently cut first), then one new element
  ASSERT_EQ(v.size(), 4u);
  EXPECT_TRUE(spare.empty());
  EXPECT_EQ(v[1].data(), data1);
  EXPECT_EQ(v[2].data(), data2);
  EXPECT_EQ(v[1].size(), 100u);  // contents are kept: the caller resets them
  EXPECT_TRUE(v[3].empty());

  ResizeKeeping(&v, &spare, 4);  // same size: nothing moves
  EXPECT_EQ(v.size(), 4u);
  EXPECT_TRUE(spare.empty());
  ResizeKeeping(&v, &spare, 0);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(spare.size(), 4u);
}

TEST(ResizeKeepingTest, StringsKeepTheirBuffers) {
  std::vector<std::string> v, spare;
  ResizeKeeping(&v, &spare, 2);
  v[1] = std::string(64, 'x');
  const size_t cap = v[1].capacity();
  ResizeKeeping(&v, &spare, 1);
  ResizeKeeping(&v, &spare, 2);
  v[1].clear();
  EXPECT_GE(v[1].capacity(), cap);
}

}  // namespace
}  // namespace sitrep::geo
