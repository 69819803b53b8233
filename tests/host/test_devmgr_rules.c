// SPDX-License-Identifier: BSD-2-Clause
// srv/devmgr: the permissions policy (rules.c): every field, every refusal
// with its line, the first matching rule, the glob, and node names.
#include "../../srv/devmgr/rules.h"
#include <stdio.h>
#include <string.h>
#include <vtest.h>

static struct devmgr_rules rules;
static int line;
static const char *why;

static int parse(const char *text)
{
	return devmgr_rules_parse(text, strlen(text), &rules, &line, &why);
}

/* text fails on line `at` with a reason containing `what`, and leaves no
 * rule behind. */
static void refused(const char *text, int at, const char *what)
{
	CHECK_EQ_I(parse(text), -1);
	CHECK_EQ_I(line, at);
	CHECK_MSG(why && strstr(why, what) != NULL, "'%s' lacks '%s' (for %s)", why ? why : "",
		  what, text);
	CHECK_EQ_I(rules.count, 0);
}

TEST(devmgr_rules, fields_comments_and_blanks)
{
	CHECK_EQ_I(parse("# a comment\n"
			 "\n"
			 "   \t\n"
			 "null 0666 0 0\n"
			 "  tty*\t0620  0 5  \n"
			 "   # indented comment\n"
			 "console 0600 4294967294 32768"),
		   0);
	CHECK(why == NULL);
	CHECK_EQ_I(rules.count, 3);
	CHECK_STREQ(rules.rule[0].pattern, "null");
	CHECK_EQ_U(rules.rule[0].mode, 0666);
	CHECK_STREQ(rules.rule[1].pattern, "tty*");
	CHECK_EQ_U(rules.rule[1].mode, 0620);
	CHECK_EQ_U(rules.rule[1].uid, 0);
	CHECK_EQ_U(rules.rule[1].gid, 5);
	CHECK_EQ_U(rules.rule[2].uid, 4294967294u);
	CHECK_EQ_U(rules.rule[2].gid, 32768);
	CHECK_EQ_I(parse(""), 0);
	CHECK_EQ_I(rules.count, 0);
}

TEST(devmgr_rules, refusals_name_their_line)
{
	refused("null 0666 0\n", 1, "PATTERN MODE UID GID");
	refused("# c\nnull 0666 0 0 extra\n", 2, "PATTERN MODE UID GID");
	refused("null 0666 0 0\nzero 0888 0 0\n", 2, "bad mode");
	refused("zero 01000 0 0\n", 1, "bad mode");
	refused("zero 0666 4294967295 0\n", 1, "bad uid");
	refused("zero 0666 0 -1\n", 1, "bad gid");
	refused("zero 0666 0x1 0\n", 1, "bad uid");
	refused("zero 0666 99999999999999999999 0\n", 1, "bad uid");
	refused("\n\nsub/dir/x 0666 0 0\n", 3, "bad pattern");
	refused("/x 0666 0 0\n", 1, "bad pattern");
	refused("x/ 0666 0 0\n", 1, "bad pattern");
	refused("a[b] 0666 0 0\n", 1, "bad pattern");
	refused("0123456789012345678901234567890123456789012345678901234567890123 0666 0 0\n", 1,
		"bad pattern");
	refused("null 0666 0 0\r\n", 1, "bad gid");
	char nul[] = "null 0666 0 0\nzero\0 0666 0 0\n";
	CHECK_EQ_I(devmgr_rules_parse(nul, sizeof(nul) - 1, &rules, &line, &why), -1);
	CHECK_EQ_I(line, 2);
	CHECK_STREQ(why, "NUL byte");
	char long_line[300];
	memset(long_line, ' ', sizeof(long_line) - 1);
	long_line[sizeof(long_line) - 1] = 0;
	memcpy(long_line, "null 0666 0 0", 13);
	refused(long_line, 1, "too long");
}

TEST(devmgr_rules, at_most_64_rules)
{
	static char text[65 * 20];
	size_t at = 0;
	for (int i = 0; i < 64; i++)
		at += (size_t)snprintf(text + at, sizeof(text) - at, "d%d 0600 1 1\n", i);
	CHECK_EQ_I(parse(text), 0);
	CHECK_EQ_I(rules.count, 64);
	snprintf(text + at, sizeof(text) - at, "more 0600 1 1\n");
	refused(text, 65, "too many rules");
}

TEST(devmgr_rules, the_first_match_wins)
{
	CHECK_EQ_I(parse("ttyS? 0660 0 20\ntty* 0620 0 5\n* 0600 0 0\n"), 0);
	CHECK_EQ_U(devmgr_rules_match(&rules, "ttyS0")->gid, 20);
	CHECK_EQ_U(devmgr_rules_match(&rules, "ttyS10")->gid, 5);
	CHECK_EQ_U(devmgr_rules_match(&rules, "tty")->gid, 5);
	CHECK_EQ_U(devmgr_rules_match(&rules, "null")->mode, 0600);
	CHECK_EQ_I(parse("zero 0666 0 0\n"), 0);
	CHECK(devmgr_rules_match(&rules, "zer") == NULL);
	CHECK(devmgr_rules_match(&rules, "zeros") == NULL);
	/* A directory's nodes (pts/N). */
	CHECK_EQ_I(parse("pts/* 0620 0 5\n* 0600 0 0\n"), 0);
	CHECK_EQ_U(devmgr_rules_match(&rules, "pts/3")->gid, 5);
	CHECK_EQ_U(devmgr_rules_match(&rules, "ptmx")->gid, 0);
}

TEST(devmgr_rules, glob)
{
	CHECK(devmgr_glob("*", ""));
	CHECK(devmgr_glob("*", "abc"));
	CHECK(devmgr_glob("a*c", "abbbc"));
	CHECK(devmgr_glob("a*b*c", "axxbyyc"));
	CHECK(devmgr_glob("*random", "urandom"));
	CHECK(devmgr_glob("?", "x"));
	CHECK(!devmgr_glob("?", ""));
	CHECK(!devmgr_glob("a*c", "abcd"));
	CHECK(!devmgr_glob("", "a"));
	CHECK(devmgr_glob("**a", "bba"));
	/* No exponential backtracking: this returns at once. */
	CHECK(!devmgr_glob("*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

TEST(devmgr_rules, node_names)
{
	CHECK(devmgr_name_valid("null", 4));
	CHECK(devmgr_name_valid("tty.S-0_x", 9));
	CHECK(devmgr_name_valid("...", 3));
	CHECK(!devmgr_name_valid("", 0));
	CHECK(!devmgr_name_valid(".", 1));
	CHECK(!devmgr_name_valid("..", 2));
	CHECK(devmgr_name_valid("pts/0", 5)); /* one directory level */
	CHECK(!devmgr_name_valid("a/b/c", 5));
	CHECK(!devmgr_name_valid("/a", 2));
	CHECK(!devmgr_name_valid("a/", 2));
	CHECK(!devmgr_name_valid("../a", 4));
	CHECK(!devmgr_name_valid("a/..", 4));
	CHECK(!devmgr_name_valid("/", 1));
	CHECK(!devmgr_name_valid("a b", 3));
	CHECK(!devmgr_name_valid("a*", 2));
	CHECK(!devmgr_name_valid("a\nb", 3));
	char name[65];
	memset(name, 'x', 64);
	CHECK(devmgr_name_valid(name, 63));
	CHECK(!devmgr_name_valid(name, 64));
}
