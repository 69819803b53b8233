cat <<-END
	a	b
	END
