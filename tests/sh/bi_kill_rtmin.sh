# dash: skip (dash's kill knows no RTMIN+n; bash's and ours do)
trap 'echo got rt' RTMIN+1; kill -s RTMIN+1 $$; echo between; kill -SIGRTMIN+1 $$; echo after
